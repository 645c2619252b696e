package com.successpilot.portfolio.internal;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * The knobs that make an archetype recognisable in the feeds: how much of its seats it
 * uses and how that trends, how often it reaches a value milestone, how much support it
 * needs and how well it meets its goals.
 *
 * @param archetype the archetype these signals describe
 * @param utilisationLow lowest weekday share of seats in use
 * @param utilisationHigh highest weekday share of seats in use; with the noise, the peak
 * of 30 days stays under the expansion threshold (85 %) for all but expansion-ready
 * accounts, and above the minimum (60 %) for healthy ones
 * @param noise day-to-day variation of weekday usage (0.1 = about +/-10 %)
 * @param milestoneChance chance of a value milestone on a working day, once first value
 * was reached
 * @param ticketsPer30Days tickets a small customer opens in an ordinary month
 * @param escalationChance share of tickets escalated
 * @param csatLow lowest CSAT given
 * @param csatHigh highest CSAT given
 * @param goalAttainmentLow lowest share of a period's planned progress reached
 * @param goalAttainmentHigh highest share of a period's planned progress reached
 */
record ArchetypeSignals(Archetype archetype, double utilisationLow, double utilisationHigh, double noise,
		double milestoneChance, double ticketsPer30Days, double escalationChance, int csatLow, int csatHigh,
		double goalAttainmentLow, double goalAttainmentHigh) {

	static ArchetypeSignals of(Archetype archetype) {
		return switch (archetype) {
			case HEALTHY -> new ArchetypeSignals(archetype, 0.58, 0.70, 0.10, 0.04, 0.5, 0.03, 4, 5, 0.85, 1.10);
			case ONBOARDING_STALLED ->
				new ArchetypeSignals(archetype, 0.03, 0.12, 0.25, 0.0, 0.8, 0.05, 3, 4, 0.0, 0.20);
			case DECLINING_USAGE ->
				new ArchetypeSignals(archetype, 0.60, 0.80, 0.12, 0.04, 0.7, 0.05, 3, 5, 0.45, 0.75);
			case RENEWAL_AT_RISK ->
				new ArchetypeSignals(archetype, 0.25, 0.45, 0.12, 0.008, 0.8, 0.10, 2, 4, 0.40, 0.70);
			case EXPANSION_READY -> new ArchetypeSignals(archetype, 1.0, 1.0, 0.04, 0.07, 0.6, 0.03, 4, 5, 0.95, 1.15);
			case PROMOTER -> new ArchetypeSignals(archetype, 0.60, 0.72, 0.10, 0.06, 0.4, 0.02, 4, 5, 0.95, 1.20);
			case SUPPORT_HEAVY -> new ArchetypeSignals(archetype, 0.60, 0.72, 0.12, 0.02, 1.5, 0.20, 1, 3, 0.60, 0.90);
		};
	}

	/**
	 * Usage on a day, relative to the account's normal level: the archetype's story over
	 * the 90 days before the business date.
	 * @param daysAgo 1 for the day before the business date, up to 90
	 */
	double trend(int daysAgo) {
		double progress = (90 - daysAgo) / 89.0;
		return switch (this.archetype) {
			case HEALTHY -> 1.0 + 0.04 * progress;
			case PROMOTER -> 1.0 + 0.02 * progress;
			case ONBOARDING_STALLED -> 1.0;
			// level for 30 days, sliding for 30, then falling to a quarter: the last 30
			// days average well under 60 % of the 30 before
			case DECLINING_USAGE -> (daysAgo > 60) ? 1.0
					: (daysAgo > 30) ? 0.8 + 0.2 * (daysAgo - 31) / 29.0 : 0.25 + 0.30 * (daysAgo - 1) / 29.0;
			case RENEWAL_AT_RISK -> 1.0 - 0.10 * progress;
			// utilisation itself: from 88 % of seats to 98.5 %
			case EXPANSION_READY -> 0.88 + 0.105 * progress;
			case SUPPORT_HEAVY -> (daysAgo > 30) ? 1.0 : 0.9;
		};
	}

	/**
	 * Whether value milestones have dried up by then (declining accounts stop reaching
	 * new value about six weeks before the business date).
	 */
	double milestoneChance(int daysAgo) {
		if (this.archetype == Archetype.DECLINING_USAGE && daysAgo <= 45) {
			return this.milestoneChance / 10;
		}
		return this.milestoneChance;
	}

}
