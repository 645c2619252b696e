package com.successpilot.portfolio.internal;

import java.util.List;

/**
 * The default thresholds of each segment: the baseline below (or above) which the rules
 * judge that success is not being delivered. The generator also reads them, so that an
 * archetype's signal really crosses its segment's line.
 */
final class SegmentThresholds {

	static final String FIRST_VALUE_DAYS = "first_value_days";

	static final String SUPPORT_OPEN_TICKETS_MAX = "support_open_tickets_max";

	static final String SUPPORT_ESCALATIONS_MAX_30D = "support_escalations_max_30d";

	private static final List<Threshold> THRESHOLDS = List.of(
			new Threshold(FIRST_VALUE_DAYS, 45, 30, 21,
					"Days after the start date by which the first value milestone is due"),
			new Threshold("usage_decline_pct", 20, 25, 30,
					"Drop in active users, last 30 days against the 30 days before, in %, that counts as a decline"),
			new Threshold("seat_utilisation_min_pct", 55, 60, 60,
					"Active users as a % of licensed seats below which adoption is too low"),
			new Threshold("expansion_seat_utilisation_pct", 85, 90, 90,
					"Active users as a % of licensed seats from which the account is ready for more seats"),
			new Threshold("inactive_days_max", 7, 10, 14,
					"Days since the last login after which the account counts as inactive"),
			new Threshold(SUPPORT_OPEN_TICKETS_MAX, 8, 5, 3,
					"Open support tickets above which support load is too high"),
			new Threshold(SUPPORT_ESCALATIONS_MAX_30D, 2, 1, 1,
					"Escalated tickets opened in the last 30 days above which support is a risk"),
			new Threshold("csat_min", 4.0, 3.5, 3.5,
					"Lowest acceptable average ticket CSAT (1-5) over the last 90 days"),
			new Threshold("nps_detractor_max", 6, 6, 6, "Highest NPS score (0-10) that counts as a detractor"),
			new Threshold("nps_drop_points", 3, 3, 4,
					"Fall between an account's consecutive NPS responses, in points, that needs a call"),
			new Threshold("goal_attainment_min_pct", 85, 80, 75,
					"Lowest acceptable attainment of a success goal's target for the current period, in %"),
			new Threshold("renewal_health_min", 70, 60, 55,
					"Lowest acceptable health score (0-100) for an account inside its renewal window"));

	private SegmentThresholds() {
	}

	static double value(Segment segment, String threshold) {
		return THRESHOLDS.stream()
			.filter((candidate) -> candidate.name().equals(threshold))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No threshold " + threshold))
			.value(segment);
	}

	static void writeTo(CsvFeedWriter out) {
		for (Segment segment : Segment.values()) {
			for (Threshold threshold : THRESHOLDS) {
				out.text(segment.label())
					.text(threshold.name())
					.decimal(threshold.value(segment), 2)
					.text(threshold.description())
					.endRow();
			}
		}
	}

	private record Threshold(String name, double enterprise, double midMarket, double smb, String description) {

		double value(Segment segment) {
			return switch (segment) {
				case ENTERPRISE -> this.enterprise;
				case MID_MARKET -> this.midMarket;
				case SMB -> this.smb;
			};
		}

	}

}
