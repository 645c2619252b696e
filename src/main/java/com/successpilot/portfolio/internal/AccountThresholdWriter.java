package com.successpilot.portfolio.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Writes the thresholds agreed with about one customer in ten, overriding their segment's
 * default. An override never hides the signal that defines the account's archetype (a
 * declining account has no "seasonal dip" agreed, so the demo still shows the decline),
 * nor fakes another's (only expansion-ready accounts lower their expansion threshold).
 */
final class AccountThresholdWriter {

	private static final String EXPANSION = "expansion_seat_utilisation_pct";

	private static final List<AgreedThreshold> AGREEMENTS = List.of(
			new AgreedThreshold("usage_decline_pct", 40,
					"Seasonal business: usage dips in August agreed with customer"),
			new AgreedThreshold("first_value_days", 60,
					"Phased roll-out across three sites; first value agreed for day 60"),
			new AgreedThreshold("seat_utilisation_min_pct", 40,
					"Seats bought ahead of the hiring plan for next fiscal year"),
			new AgreedThreshold("inactive_days_max", 35, "Finance team only works in the tool around month-end close"),
			new AgreedThreshold("support_open_tickets_max", 10,
					"Data migration under way; more tickets expected until it is finished"),
			new AgreedThreshold("goal_attainment_min_pct", 60,
					"Goals re-baselined after the customer's reorganisation"),
			new AgreedThreshold("nps_drop_points", 5,
					"Survey answered by a different team every quarter; scores vary more"),
			new AgreedThreshold("renewal_health_min", 50,
					"Three-year commitment signed by the CFO; renewal is a formality"),
			new AgreedThreshold(EXPANSION, 80,
					"Customer asked to hear about more seats early: their budget closes in Q3"));

	private final LocalDate businessDate;

	AccountThresholdWriter(LocalDate businessDate) {
		this.businessDate = businessDate;
	}

	void write(AccountProfile account, SplittableRandom random, CsvFeedWriter out) {
		if (random.nextInt(10) != 0) {
			return;
		}
		List<AgreedThreshold> candidates = new ArrayList<>();
		Set<String> protectedOnes = protectedThresholds(account.archetype());
		for (AgreedThreshold agreement : AGREEMENTS) {
			if (!protectedOnes.contains(agreement.threshold())) {
				candidates.add(agreement);
			}
		}
		LocalDate agreedOn = agreedOn(account, random);
		for (int i = 1 + random.nextInt(2); i > 0; i--) {
			AgreedThreshold agreement = candidates.remove(random.nextInt(candidates.size()));
			out.text(account.id())
				.text(agreement.threshold())
				.decimal(agreement.value(), 2)
				.date(agreedOn)
				.text(agreement.note())
				.endRow();
		}
	}

	private static Set<String> protectedThresholds(Archetype archetype) {
		return switch (archetype) {
			case ONBOARDING_STALLED -> Set.of("first_value_days", "goal_attainment_min_pct", EXPANSION);
			case DECLINING_USAGE -> Set.of("usage_decline_pct", "inactive_days_max", "nps_drop_points", EXPANSION);
			case RENEWAL_AT_RISK ->
				Set.of("seat_utilisation_min_pct", "renewal_health_min", "goal_attainment_min_pct", EXPANSION);
			case SUPPORT_HEAVY -> Set.of("support_open_tickets_max", EXPANSION);
			case HEALTHY, PROMOTER -> Set.of(EXPANSION);
			case EXPANSION_READY -> Set.of();
		};
	}

	// agreed at the kick-off, or at a later business review
	private LocalDate agreedOn(AccountProfile account, SplittableRandom random) {
		long days = this.businessDate.toEpochDay() - account.startDate().toEpochDay();
		if (days <= 7 || random.nextBoolean()) {
			return account.startDate();
		}
		return account.startDate().plusDays(7 + random.nextLong(days - 7));
	}

	private record AgreedThreshold(String threshold, double value, String note) {
	}

}
