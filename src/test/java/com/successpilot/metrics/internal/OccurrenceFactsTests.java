package com.successpilot.metrics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.rules.facts.AccountFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics step names the occurrences rules raise tasks for: the latest NPS answer and
 * the latest escalated ticket of the escalation window, by id and date, on the real
 * database.
 */
@SuccessPilotTest
class OccurrenceFactsTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	AccountFactsRepository factsRepository;

	@Autowired
	AccountCaseQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	TestPortfolio portfolio;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
		this.portfolio = new TestPortfolio(this.jdbc, this.clock);
	}

	@Test
	void latestNpsAnswerIsTheOneGivenLastBeforeTheNight() {
		long account = this.portfolio.account("ACC-1", "Acme", "smb", null);
		// stored before the older answer, so only its date makes it the latest
		npsAnswer(account, "NPS-NEW", NIGHT.minusDays(3), 4);
		npsAnswer(account, "NPS-OLD", NIGHT.minusDays(40), 9);
		// given on the night itself: counts from the next night on, like latestNps
		npsAnswer(account, "NPS-TONIGHT", NIGHT, 10);

		AccountFacts facts = computedFacts(account);

		assertThat(facts.getLatestNps()).isEqualTo(4);
		assertThat(facts.getPreviousNps()).isEqualTo(9);
		assertThat(facts.getLatestNpsResponseId()).isEqualTo("NPS-NEW");
		assertThat(facts.getLatestNpsAnsweredOn()).isEqualTo(NIGHT.minusDays(3));
	}

	@Test
	void latestEscalationIsTheLastEscalatedTicketOpenedInTheEscalationWindow() {
		long account = this.portfolio.account("ACC-1", "Acme", "smb", null);
		ticket(account, "T-LONG-AGO", NIGHT.minusDays(45).atTime(10, 0), true);
		ticket(account, "T-FIRST-DAY", NIGHT.minusDays(30).atStartOfDay(), true);
		ticket(account, "T-LATEST", NIGHT.minusDays(5).atTime(16, 30), true);
		ticket(account, "T-NOT-ESCALATED", NIGHT.minusDays(2).atTime(9, 0), false);
		ticket(account, "T-TONIGHT", NIGHT.atTime(8, 0), true);

		AccountFacts facts = computedFacts(account);

		assertThat(facts.getEscalations30d()).isEqualTo(2);
		assertThat(facts.getLatestEscalationTicketId()).isEqualTo("T-LATEST");
		assertThat(facts.getLatestEscalationOpenedOn()).isEqualTo(NIGHT.minusDays(5));
	}

	@Test
	void escalationOnTheFirstDayOfTheWindowCountsAndOneTheDayBeforeDoesNot() {
		long inside = this.portfolio.account("ACC-1", "Acme", "smb", null);
		ticket(inside, "T-FIRST-DAY", NIGHT.minusDays(30).atStartOfDay(), true);
		long outside = this.portfolio.account("ACC-2", "Beta", "smb", null);
		ticket(outside, "T-DAY-BEFORE", NIGHT.minusDays(31).atTime(23, 59), true);

		AccountFacts insideFacts = computedFacts(inside);
		AccountFacts outsideFacts = this.queries.latestFacts(outside).orElseThrow();

		assertThat(insideFacts.getEscalations30d()).isEqualTo(1);
		assertThat(insideFacts.getLatestEscalationTicketId()).isEqualTo("T-FIRST-DAY");
		assertThat(insideFacts.getLatestEscalationOpenedOn()).isEqualTo(NIGHT.minusDays(30));
		assertThat(outsideFacts.getEscalations30d()).isZero();
		assertThat(outsideFacts.getLatestEscalationTicketId()).isNull();
		assertThat(outsideFacts.getLatestEscalationOpenedOn()).isNull();
	}

	@Test
	void accountWithoutAnswersOrEscalationsNamesNoOccurrence() {
		long account = this.portfolio.account("ACC-1", "Acme", "smb", null);
		ticket(account, "T-PLAIN", NIGHT.minusDays(3).atTime(11, 0), false);

		AccountFacts facts = computedFacts(account);

		assertThat(facts.getLatestNps()).isNull();
		assertThat(facts.getLatestNpsResponseId()).isNull();
		assertThat(facts.getLatestNpsAnsweredOn()).isNull();
		assertThat(facts.getTicketsOpened30d()).isEqualTo(1);
		assertThat(facts.getLatestEscalationTicketId()).isNull();
		assertThat(facts.getLatestEscalationOpenedOn()).isNull();
	}

	@Test
	void eachAccountGetsItsOwnOccurrences() {
		long first = this.portfolio.account("ACC-1", "Acme", "smb", null);
		long second = this.portfolio.account("ACC-2", "Beta", "smb", null);
		npsAnswer(first, "NPS-A", NIGHT.minusDays(10), 3);
		npsAnswer(second, "NPS-B", NIGHT.minusDays(1), 8);
		ticket(first, "T-A", NIGHT.minusDays(4).atTime(9, 0), true);
		ticket(second, "T-B", NIGHT.minusDays(2).atTime(9, 0), true);

		AccountFacts firstFacts = computedFacts(first);
		AccountFacts secondFacts = this.queries.latestFacts(second).orElseThrow();

		assertThat(firstFacts.getLatestNpsResponseId()).isEqualTo("NPS-A");
		assertThat(firstFacts.getLatestEscalationTicketId()).isEqualTo("T-A");
		assertThat(secondFacts.getLatestNpsResponseId()).isEqualTo("NPS-B");
		assertThat(secondFacts.getLatestEscalationTicketId()).isEqualTo("T-B");
	}

	private AccountFacts computedFacts(long account) {
		int accounts = this.jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class);
		assertThat(this.factsRepository.compute(NIGHT, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(accounts);
		return this.queries.latestFacts(account).orElseThrow();
	}

	private void npsAnswer(long account, String id, LocalDate answeredOn, int score) {
		this.jdbc.update("""
				INSERT INTO nps_responses (external_id, account_id, responded_on, score, respondent_role)
				VALUES (?, ?, ?, ?, 'decision maker')
				""", id, account, answeredOn, score);
	}

	private void ticket(long account, String id, LocalDateTime openedAt, boolean escalated) {
		this.jdbc.update("""
				INSERT INTO support_tickets (external_id, account_id, subject, opened_at, priority, escalated)
				VALUES (?, ?, 'Export fails', ?, 'high', ?)
				""", id, account, Timestamp.valueOf(openedAt), escalated);
	}

}
