package com.successpilot.portfolio.internal;

import java.util.Set;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * How one account's users use the product, drawn once per account: how much of its seats
 * it uses, how much happens at weekends, how busy each user is, and its integrations.
 *
 * @param utilisation weekday share of seats in use at the normal level
 * @param weekendShare weekend usage as a share of weekday usage
 * @param extraLoginsPerUser logins beyond the first per active user
 * @param eventsPerUser key events per active user and day
 * @param reportsPerUser reports created per active user and day
 * @param admins how many admins set the product up
 * @param baseIntegrations live integrations at the start of the window
 * @param integrationChange +1 or -1 at {@code integrationChangeDaysAgo}, or 0
 * @param integrationChangeDaysAgo from which day the change holds
 */
record UsageHabits(double utilisation, double weekendShare, double extraLoginsPerUser, double eventsPerUser,
		double reportsPerUser, int admins, int baseIntegrations, int integrationChange, int integrationChangeDaysAgo) {

	// customers whose staff work at weekends too
	private static final Set<String> SEVEN_DAY_INDUSTRIES = Set.of("retail", "hospitality", "healthcare", "logistics",
			"transportation", "food-and-beverage");

	static UsageHabits draw(AccountProfile account, SplittableRandom random) {
		ArchetypeSignals signals = account.signals();
		double utilisation = signals.utilisationLow()
				+ random.nextDouble() * (signals.utilisationHigh() - signals.utilisationLow());
		double weekendShare = SEVEN_DAY_INDUSTRIES.contains(account.industry()) ? 0.30 + 0.25 * random.nextDouble()
				: 0.06 + 0.14 * random.nextDouble();
		int admins = Math.min(account.seats(), 1 + random.nextInt(3));
		int integrations = switch (account.segment()) {
			case ENTERPRISE -> 2 + random.nextInt(7);
			case MID_MARKET -> 1 + random.nextInt(4);
			case SMB -> random.nextInt(3);
		};
		int change = 0;
		int changeDaysAgo = 0;
		if (account.archetype() == Archetype.ONBOARDING_STALLED) {
			integrations = random.nextInt(2);
		}
		else if (account.archetype() == Archetype.EXPANSION_READY) {
			change = 1;
			changeDaysAgo = 1 + random.nextInt(60);
		}
		else if (account.archetype() == Archetype.DECLINING_USAGE && integrations > 0) {
			change = -1;
			changeDaysAgo = 1 + random.nextInt(20);
		}
		return new UsageHabits(utilisation, weekendShare, 0.2 + 1.3 * random.nextDouble(), 4 + 14 * random.nextDouble(),
				0.02 + 0.10 * random.nextDouble(), admins, integrations, change, changeDaysAgo);
	}

	int integrations(int daysAgo) {
		return (daysAgo <= this.integrationChangeDaysAgo) ? this.baseIntegrations + this.integrationChange
				: this.baseIntegrations;
	}

}
