package com.successpilot.portfolio.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Writes an account's daily usage for the 90 days before the business date (from its
 * start date if it is younger): a weekday/weekend rhythm, day-to-day noise and the trend
 * of its archetype. Before go-live only a few admins log in; after it, usage ramps up
 * over a month. Active users stay under 85 % of the licensed seats except for
 * expansion-ready accounts (at most 4 % over them), logins are never fewer than active
 * users, and value milestones only appear from the first value date.
 */
final class UsageWriter {

	static final int WINDOW_DAYS = 90;

	private final LocalDate businessDate;

	// indexed by days before the business date, 1 to 90: formatted once for all accounts
	private final String[] dates = new String[WINDOW_DAYS + 1];

	private final boolean[] weekend = new boolean[WINDOW_DAYS + 1];

	UsageWriter(LocalDate businessDate) {
		this.businessDate = businessDate;
		for (int daysAgo = 1; daysAgo <= WINDOW_DAYS; daysAgo++) {
			LocalDate date = businessDate.minusDays(daysAgo);
			this.dates[daysAgo] = date.toString();
			this.weekend[daysAgo] = date.getDayOfWeek() == DayOfWeek.SATURDAY
					|| date.getDayOfWeek() == DayOfWeek.SUNDAY;
		}
	}

	void write(AccountProfile account, SplittableRandom random, CsvFeedWriter out) {
		UsageHabits habits = UsageHabits.draw(account, random);
		int goLiveDaysAgo = daysAgo(account.goLiveDate());
		int firstValueDaysAgo = daysAgo(account.firstValueDate());
		int firstDay = Math.min(WINDOW_DAYS, daysAgo(account.startDate()));
		for (int daysAgo = firstDay; daysAgo >= 1; daysAgo--) {
			boolean weekendDay = this.weekend[daysAgo];
			boolean live = goLiveDaysAgo >= daysAgo;
			int active = live ? activeUsers(account, habits, daysAgo, goLiveDaysAgo - daysAgo, weekendDay, random)
					: adminsSettingUp(habits, weekendDay, random);
			int logins = (active == 0) ? 0 : active
					+ (int) Math.round(active * habits.extraLoginsPerUser() * (0.6 + 0.8 * random.nextDouble()));
			long keyEvents = Math.round(active * habits.eventsPerUser() * (0.6 + 0.8 * random.nextDouble()));
			long reports = live ? Math.round(active * habits.reportsPerUser() * (0.5 + random.nextDouble())) : 0;
			out.text(account.id())
				.text(this.dates[daysAgo])
				.number(active)
				.number(logins)
				.number(keyEvents)
				.number(milestones(account, daysAgo, firstValueDaysAgo, weekendDay, active, random))
				.number(reports)
				.number(live ? habits.integrations(daysAgo) : 0)
				.endRow();
		}
	}

	private static int activeUsers(AccountProfile account, UsageHabits habits, int daysAgo, int daysLive,
			boolean weekendDay, SplittableRandom random) {
		ArchetypeSignals signals = account.signals();
		double rampUp = Math.min(1.0, 0.2 + 0.8 * daysLive / 30.0);
		double level = account.seats() * habits.utilisation() * signals.trend(daysAgo) * rampUp;
		double users = weekendDay ? level * habits.weekendShare() * (0.7 + 0.6 * random.nextDouble())
				: level * (1 + signals.noise() * (random.nextDouble() + random.nextDouble() - 1));
		int active = (int) Math.round(users);
		if (account.archetype() == Archetype.EXPANSION_READY) {
			if (!weekendDay && daysAgo <= 30) {
				active = Math.max(active, (int) Math.ceil(0.9 * account.seats()));
			}
			return Math.min(active, account.seats() + account.seats() / 25);
		}
		if (account.archetype() == Archetype.ONBOARDING_STALLED && !weekendDay) {
			active = Math.max(active, random.nextInt(habits.admins() + 1));
		}
		// only expansion-ready accounts peak at the expansion threshold (85 % or more)
		return Math.min(active, (int) (0.84 * account.seats()));
	}

	private static int adminsSettingUp(UsageHabits habits, boolean weekendDay, SplittableRandom random) {
		if (weekendDay) {
			return (random.nextInt(4) == 0) ? 1 : 0;
		}
		return 1 + random.nextInt(habits.admins());
	}

	private static int milestones(AccountProfile account, int daysAgo, int firstValueDaysAgo, boolean weekendDay,
			int active, SplittableRandom random) {
		if (daysAgo == firstValueDaysAgo) {
			return 1;
		}
		if (daysAgo > firstValueDaysAgo || weekendDay || active == 0) {
			return 0;
		}
		if (random.nextDouble() >= account.signals().milestoneChance(daysAgo)) {
			return 0;
		}
		return (random.nextInt(10) == 0) ? 2 : 1;
	}

	/**
	 * Days from a date to the business date, 0 for no date (so "on or before day d" is
	 * never true for it).
	 */
	private int daysAgo(LocalDate date) {
		return (date != null) ? (int) ChronoUnit.DAYS.between(date, this.businessDate) : 0;
	}

}
