package com.successpilot.portfolio.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Decides who an account is: its name, segment and seats, and the dates its archetype
 * needs (a stalled onboarding started 35-80 days ago; an account at risk renews within
 * 120 days; young accounts are not live yet).
 */
final class AccountPlanner {

	private final LocalDate businessDate;

	private final long seed;

	private final CsmRoster roster;

	AccountPlanner(LocalDate businessDate, long seed, CsmRoster roster) {
		this.businessDate = businessDate;
		this.seed = seed;
		this.roster = roster;
	}

	AccountProfile plan(int number, SplittableRandom random) {
		Archetype archetype = ArchetypeMix.archetypeOf(this.seed, number);
		CompanyNames.CompanyName company = CompanyNames.draw(random);
		Segment segment = Segment.draw(random);
		int seats = segment.drawSeats(random);
		LocalDate start;
		LocalDate renewal;
		if (archetype == Archetype.RENEWAL_AT_RISK) {
			renewal = this.businessDate.plusDays(15 + random.nextInt(106));
			start = renewal.minusYears(1 + random.nextInt(4)).plusDays(1);
		}
		else {
			start = this.businessDate.minusDays(ageInDays(archetype, segment, random));
			renewal = nextRenewal(start);
		}
		LocalDate goLive = goLive(archetype, segment, start, random);
		LocalDate firstValue = (archetype == Archetype.ONBOARDING_STALLED || goLive == null) ? null
				: beforeBusinessDate(goLive.plusDays(1 + random.nextInt(5)));
		LifecycleStage stage = stage(archetype, goLive, firstValue, renewal);
		Csm csm = this.roster.ownerOf(company.japanese(), random.nextLong());
		return new AccountProfile(number, ArchetypeMix.accountId(number), company.name(), company.japanese(), segment,
				company.industry(), csm, ArchetypeSignals.of(archetype), start, goLive, firstValue, renewal, seats,
				stage);
	}

	private int ageInDays(Archetype archetype, Segment segment, SplittableRandom random) {
		return switch (archetype) {
			case HEALTHY -> (random.nextInt(100) < 15) ? between(10, 85, random) : between(120, 1800, random);
			case ONBOARDING_STALLED -> {
				// past the segment's time to first value, so the rule can see the stall
				int firstValueDays = (int) SegmentThresholds.value(segment, SegmentThresholds.FIRST_VALUE_DAYS);
				yield between(Math.max(35, firstValueDays + 5), 80, random);
			}
			case DECLINING_USAGE -> between(200, 1800, random);
			case EXPANSION_READY -> between(150, 1500, random);
			case PROMOTER -> between(200, 2000, random);
			case SUPPORT_HEAVY -> between(100, 1500, random);
			case RENEWAL_AT_RISK -> throw new IllegalArgumentException("Renewal dates decide the age of " + archetype);
		};
	}

	private LocalDate goLive(Archetype archetype, Segment segment, LocalDate start, SplittableRandom random) {
		if (archetype == Archetype.ONBOARDING_STALLED) {
			return random.nextBoolean() ? start.plusDays(between(14, 30, random)) : null;
		}
		return beforeBusinessDate(start.plusDays(segment.drawDaysToGoLive(random)));
	}

	private LifecycleStage stage(Archetype archetype, LocalDate goLive, LocalDate firstValue, LocalDate renewal) {
		return switch (archetype) {
			case ONBOARDING_STALLED -> LifecycleStage.ONBOARDING;
			case RENEWAL_AT_RISK -> LifecycleStage.RENEWAL;
			case EXPANSION_READY -> LifecycleStage.EXPANSION;
			case PROMOTER -> LifecycleStage.ADVOCACY;
			case HEALTHY, DECLINING_USAGE, SUPPORT_HEAVY -> {
				if (firstValue == null || ChronoUnit.DAYS.between(goLive, this.businessDate) < 45) {
					yield LifecycleStage.ONBOARDING;
				}
				yield (ChronoUnit.DAYS.between(this.businessDate, renewal) <= 120) ? LifecycleStage.RENEWAL
						: LifecycleStage.ADOPTION;
			}
		};
	}

	/**
	 * Contracts run a year from the start date and renew on its anniversary.
	 */
	private LocalDate nextRenewal(LocalDate start) {
		int years = 1;
		while (start.plusYears(years).minusDays(1).isBefore(this.businessDate)) {
			years++;
		}
		return start.plusYears(years).minusDays(1);
	}

	private LocalDate beforeBusinessDate(LocalDate date) {
		return date.isBefore(this.businessDate) ? date : null;
	}

	static int between(int low, int high, SplittableRandom random) {
		return low + random.nextInt(high - low + 1);
	}

}
