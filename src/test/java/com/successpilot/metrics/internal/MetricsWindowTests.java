package com.successpilot.metrics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.rules.facts.AccountFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time windows of the facts, on the real database: the nightly run judges the whole
 * days before its run date (the run date's own data is still coming in when it starts),
 * so "last 30 days" is run date − 30 … run date − 1, and a ticket is open if it was open
 * at midnight. Each day of usage below carries its own power of two, so a sum says which
 * days it counted.
 */
@SuccessPilotTest
class MetricsWindowTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	// days before the night → active users, logins, key events and value milestones that
	// day
	private static final Map<Integer, Integer> USAGE = Map.of(0, 1024, 1, 1, 7, 2, 8, 4, 30, 8, 31, 16, 60, 32, 61, 64,
			90, 128, 91, 256);

	@Autowired
	AccountFactsRepository factsRepository;

	@Autowired
	AccountCaseQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	java.time.Clock clock;

	long account;

	@BeforeEach
	void oneAccountWith20Seats() {
		TestData.deleteAll(this.jdbc);
		this.account = account("ACC-1");
	}

	@Test
	void usageOfTheRunDateItselfCountsFromTheNextNightOn() {
		usage(this.account, NIGHT, 5);

		AccountFacts tonight = facts(NIGHT, this.account);
		AccountFacts nextNight = facts(NIGHT.plusDays(1), this.account);

		assertThat(tonight.getLogins7d()).isZero();
		assertThat(tonight.getActiveUsers7d()).isZero();
		assertThat(tonight.getSeatUtilisationPct()).isZero();
		assertThat(tonight.getDaysSinceLastLogin()).as("nobody logged in before the night").isNull();
		assertThat(nextNight.getLogins7d()).isEqualTo(5);
		assertThat(nextNight.getLogins30d()).isEqualTo(5);
		assertThat(nextNight.getLogins90d()).isEqualTo(5);
		assertThat(nextNight.getDaysSinceLastLogin()).isEqualTo(1);
	}

	@Test
	void sevenDaysAreTheRunDateMinus7ToTheDayBefore() {
		usagePattern(this.account, NIGHT);

		AccountFacts facts = facts(NIGHT, this.account);

		// the day before (1) and the 7th day before (2); not the 8th (4), not the night
		// (1024)
		assertThat(facts.getLogins7d()).isEqualTo(1 + 2);
		assertThat(facts.getActiveUsers7d()).isEqualTo(3 / 7.0);
		assertThat(stored(NIGHT, "active_users_sum_7d")).isEqualTo(3);
	}

	@Test
	void thirtyDaysAreTheRunDateMinus30ToTheDayBefore() {
		usagePattern(this.account, NIGHT);

		AccountFacts facts = facts(NIGHT, this.account);

		// days 1, 7, 8 and 30 before; not the 31st (16)
		assertThat(facts.getLogins30d()).isEqualTo(1 + 2 + 4 + 8);
		assertThat(facts.getActiveUsers30d()).isEqualTo(15 / 30.0);
		assertThat(facts.getKeyEvents30d()).isEqualTo(15);
		assertThat(facts.getValueMilestones30d()).isEqualTo(15);
		assertThat(facts.getSeatUtilisationPct()).as("peak of the 30 days: 8 of 20 seats").isEqualTo(40.0);
		assertThat(facts.getDaysSinceLastLogin()).isEqualTo(1);
		assertThat(facts.getDaysSinceLastValueMilestone()).isEqualTo(1);
	}

	@Test
	void theTrendComparesWithTheRunDateMinus60ToMinus31() {
		usagePattern(this.account, NIGHT);

		AccountFacts facts = facts(NIGHT, this.account);

		// the 31st (16) and the 60th day before (32); not the 61st (64)
		assertThat(stored(NIGHT, "active_users_sum_prev30")).isEqualTo(16 + 32);
		assertThat(stored(NIGHT, "logins_prev30")).isEqualTo(48);
		assertThat(stored(NIGHT, "usage_days_prev30")).isEqualTo(2);
		// (15 − 48) ÷ 48 = −68.75 %, to one decimal
		assertThat(facts.getActiveUsersTrendPct()).isEqualTo(-68.7);
		assertThat(facts.getLoginsTrendPct()).isEqualTo(-68.7);
	}

	@Test
	void ninetyDaysAreTheRunDateMinus90ToTheDayBefore() {
		usagePattern(this.account, NIGHT);

		AccountFacts facts = facts(NIGHT, this.account);

		// every day from the 1st to the 90th before; not the 91st (256)
		assertThat(facts.getLogins90d()).isEqualTo(255);
		assertThat(facts.getActiveUsers90d()).isEqualTo(255 / 90.0);
		assertThat(stored(NIGHT, "active_users_sum_90d")).isEqualTo(255);
	}

	@Test
	void accountWithoutUsageHasZeroSumsAndNoTrendOrLastLogin() {
		AccountFacts facts = facts(NIGHT, this.account);

		assertThat(facts.getActiveUsers7d()).isZero();
		assertThat(facts.getActiveUsers30d()).isZero();
		assertThat(facts.getActiveUsers90d()).isZero();
		assertThat(facts.getLogins7d()).isZero();
		assertThat(facts.getLogins30d()).isZero();
		assertThat(facts.getLogins90d()).isZero();
		assertThat(facts.getKeyEvents30d()).isZero();
		assertThat(facts.getValueMilestones30d()).isZero();
		assertThat(facts.getSeatUtilisationPct()).isZero();
		assertThat(facts.getActiveUsersTrendPct()).as("no earlier data").isNull();
		assertThat(facts.getLoginsTrendPct()).isNull();
		assertThat(facts.getDaysSinceLastLogin()).as("nobody ever logged in").isNull();
		assertThat(facts.getDaysSinceLastValueMilestone()).isNull();
	}

	@Test
	void usageOnlyInTheLast30DaysHasNoTrendAndUsageLongAgoStillDatesTheLastLogin() {
		usage(this.account, NIGHT.minusDays(3), 10);
		long dormant = account("ACC-2");
		usage(dormant, NIGHT.minusDays(120), 10);

		AccountFacts recent = facts(NIGHT, this.account);
		AccountFacts dormantFacts = this.queries.latestFacts(dormant).orElseThrow();

		assertThat(recent.getLogins30d()).isEqualTo(10);
		assertThat(recent.getActiveUsersTrendPct()).as("nothing in the 30 days before").isNull();
		assertThat(recent.getLoginsTrendPct()).isNull();
		assertThat(dormantFacts.getLogins90d()).isZero();
		assertThat(dormantFacts.getActiveUsers90d()).isZero();
		assertThat(dormantFacts.getDaysSinceLastLogin()).as("the last login is not windowed").isEqualTo(120);
	}

	@Test
	void ticketsAndEscalationsCountFromMidnightOfTheRunDateMinus30ToMidnightOfTheRunDate() {
		ticket(this.account, "T-FIRST-DAY", NIGHT.minusDays(30).atStartOfDay(), null, true, null);
		ticket(this.account, "T-DAY-BEFORE", NIGHT.minusDays(31).atTime(23, 59, 59), null, true, null);
		ticket(this.account, "T-LAST-DAY", NIGHT.minusDays(1).atTime(23, 59, 59), null, false, null);
		ticket(this.account, "T-RUN-DATE", NIGHT.atStartOfDay(), null, true, null);

		AccountFacts facts = facts(NIGHT, this.account);

		assertThat(facts.getTicketsOpened30d()).isEqualTo(2);
		assertThat(facts.getEscalations30d()).isEqualTo(1);
		assertThat(facts.getLatestEscalationTicketId()).isEqualTo("T-FIRST-DAY");
	}

	@Test
	void aTicketIsOpenIfItWasOpenAtMidnightBeforeTheRunDate() {
		LocalDate longAgo = NIGHT.minusDays(40);
		ticket(this.account, "T-STILL-OPEN", longAgo.atTime(9, 0), null, true, null);
		ticket(this.account, "T-CLOSED-BEFORE", longAgo.atTime(9, 0), NIGHT.minusDays(1).atTime(23, 59), true, null);
		ticket(this.account, "T-CLOSED-ON-THE-NIGHT", longAgo.atTime(9, 0), NIGHT.atTime(0, 30), true, null);
		ticket(this.account, "T-OPENED-ON-THE-NIGHT", NIGHT.atTime(0, 10), null, true, null);
		ticket(this.account, "T-PLAIN-OPEN", longAgo.atTime(9, 0), null, false, null);

		AccountFacts facts = facts(NIGHT, this.account);

		assertThat(facts.getOpenTickets()).isEqualTo(3);
		assertThat(facts.getEscalatedOpenTickets()).isEqualTo(2);
	}

	@Test
	void csatAveragesTheRatingsOfTicketsClosedFromTheRunDateMinus90ToMidnightOfTheRunDate() {
		LocalDate longAgo = NIGHT.minusDays(120);
		ticket(this.account, "T-FIRST-DAY", longAgo.atTime(9, 0), NIGHT.minusDays(90).atStartOfDay(), false, 5);
		ticket(this.account, "T-DAY-BEFORE", longAgo.atTime(9, 0), NIGHT.minusDays(91).atTime(23, 59, 59), false, 1);
		ticket(this.account, "T-LAST-DAY", longAgo.atTime(9, 0), NIGHT.minusDays(1).atTime(23, 59, 59), false, 4);
		ticket(this.account, "T-RUN-DATE", longAgo.atTime(9, 0), NIGHT.atTime(0, 30), false, 1);
		ticket(this.account, "T-UNRATED", longAgo.atTime(9, 0), NIGHT.minusDays(10).atTime(12, 0), false, null);
		long unrated = account("ACC-2");
		ticket(unrated, "T-NO-RATING", longAgo.atTime(9, 0), NIGHT.minusDays(5).atTime(12, 0), false, null);

		AccountFacts facts = facts(NIGHT, this.account);

		assertThat(facts.getAvgCsat90d()).as("(5 + 4) ÷ 2").isEqualTo(4.5);
		assertThat(this.queries.latestFacts(unrated).orElseThrow().getAvgCsat90d()).as("no rating").isNull();
	}

	@Test
	void windowsCrossing29FebruaryCountItAsADay() {
		LocalDate firstOfMarch = LocalDate.of(2028, 3, 1);
		usage(this.account, firstOfMarch, 1024);
		usage(this.account, LocalDate.of(2028, 2, 29), 1);
		usage(this.account, LocalDate.of(2028, 2, 23), 2);
		usage(this.account, LocalDate.of(2028, 2, 22), 4);
		usage(this.account, LocalDate.of(2028, 1, 31), 8);
		usage(this.account, LocalDate.of(2028, 1, 30), 16);
		usage(this.account, LocalDate.of(2028, 1, 1), 32);
		usage(this.account, LocalDate.of(2027, 12, 31), 64);
		usage(this.account, LocalDate.of(2027, 12, 2), 128);
		usage(this.account, LocalDate.of(2027, 12, 1), 256);
		ticket(this.account, "T-FIRST-DAY", LocalDateTime.of(2028, 1, 31, 0, 0), null, true, null);
		ticket(this.account, "T-DAY-BEFORE", LocalDateTime.of(2028, 1, 30, 23, 59, 59), null, true, null);
		ticket(this.account, "T-RATED-IN", LocalDateTime.of(2027, 11, 1, 9, 0), LocalDateTime.of(2027, 12, 2, 0, 0),
				false, 5);
		ticket(this.account, "T-RATED-OUT", LocalDateTime.of(2027, 11, 1, 9, 0),
				LocalDateTime.of(2027, 12, 1, 23, 59, 59), false, 1);

		AccountFacts facts = facts(firstOfMarch, this.account);

		// 23–29 February are the 7 days; 31 January – 29 February the 30; 2 December – 29
		// February the 90; 1 – 30 January the 30 before
		assertThat(facts.getLogins7d()).isEqualTo(1 + 2);
		assertThat(facts.getLogins30d()).isEqualTo(1 + 2 + 4 + 8);
		assertThat(stored(firstOfMarch, "logins_prev30")).isEqualTo(16 + 32);
		assertThat(facts.getLogins90d()).isEqualTo(255);
		assertThat(facts.getDaysSinceLastLogin()).isEqualTo(1);
		assertThat(facts.getEscalations30d()).isEqualTo(1);
		assertThat(facts.getLatestEscalationTicketId()).isEqualTo("T-FIRST-DAY");
		assertThat(facts.getAvgCsat90d()).isEqualTo(5.0);
	}

	private AccountFacts facts(LocalDate runDate, long account) {
		int accounts = this.jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class);
		assertThat(this.factsRepository.compute(runDate, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(accounts);
		AccountFacts facts = this.queries.latestFacts(account).orElseThrow();
		assertThat(facts.getRunDate()).isEqualTo(runDate);
		return facts;
	}

	private long stored(LocalDate runDate, String column) {
		return this.jdbc.queryForObject(
				"SELECT " + column + " FROM account_facts WHERE run_date = ? AND account_id = ?", Long.class, runDate,
				this.account);
	}

	/** An account with an active contract of 20 seats over all the nights above. */
	private long account(String externalId) {
		long account = new TestPortfolio(this.jdbc, this.clock).account(externalId, "Acme", "smb", null);
		new TestPortfolio(this.jdbc, this.clock).contract(account, LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31),
				"24000");
		return account;
	}

	private void usagePattern(long account, LocalDate night) {
		USAGE.forEach((daysBefore, value) -> usage(account, night.minusDays(daysBefore), value));
	}

	private void usage(long account, LocalDate day, int value) {
		this.jdbc.update("""
				INSERT INTO daily_usage (account_id, usage_date, active_users, logins, key_events, value_milestones)
				VALUES (?, ?, ?, ?, ?, ?)
				""", account, day, value, value, value, value);
	}

	private void ticket(long account, String id, LocalDateTime openedAt, LocalDateTime closedAt, boolean escalated,
			Integer csat) {
		this.jdbc.update(
				"""
						INSERT INTO support_tickets (external_id, account_id, subject, opened_at, closed_at, priority, escalated, csat)
						VALUES (?, ?, 'Export fails', ?, ?, 'high', ?, ?)
						""",
				id, account, Timestamp.valueOf(openedAt), (closedAt != null) ? Timestamp.valueOf(closedAt) : null,
				escalated, csat);
	}

}
