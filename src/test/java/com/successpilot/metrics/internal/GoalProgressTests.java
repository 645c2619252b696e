package com.successpilot.metrics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.rules.facts.GoalProgress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal progress as the rules get it from the stored goals and periods: a period still
 * running is judged pro rata, a finished one on its full target.
 */
@SuccessPilotTest
class GoalProgressTests {

	@Autowired
	AccountCaseQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	long account;

	@BeforeEach
	void oneAccount() {
		TestData.deleteAll(this.jdbc);
		this.account = new TestPortfolio(this.jdbc, this.clock).account("ACC-1", "Acme", "smb", null);
	}

	@Test
	void midPeriodGoalOnPaceIsOnTrackThoughFarFromTheMonthsTarget() {
		long goal = goal("G-REPORTS", "0", "300", LocalDate.of(2026, 11, 30));
		period(goal, "2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "300", "95");

		GoalProgress progress = progressOn(LocalDate.of(2026, 11, 10));

		assertThat(progress.getCurrentPeriod()).isEqualTo("2026-11");
		assertThat(progress.getElapsedPct()).isEqualTo(33.3);
		assertThat(progress.getProRataTarget()).isEqualByComparingTo("100");
		assertThat(progress.getAttainmentPct()).as("95 of the 100 due by day 10, not of 300").isEqualTo(95.0);
		assertThat(progress.isAchieved()).isFalse();
	}

	@Test
	void midPeriodGoalBehindPaceIsBehindThoughAheadOfWhereThePeriodStarted() {
		// invoice processing hours, from 48 to 24: October's target 40, November's 32
		long goal = goal("G-HOURS", "48", "24", LocalDate.of(2027, 2, 28));
		period(goal, "2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "40", "41");
		period(goal, "2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "32", "39");

		GoalProgress progress = progressOn(LocalDate.of(2026, 11, 16));

		assertThat(progress.getCurrentPeriod()).isEqualTo("2026-11");
		assertThat(progress.getElapsedPct()).isEqualTo(53.3);
		assertThat(progress.getProRataTarget()).isEqualByComparingTo("35.7333");
		assertThat(progress.getAttainmentPct()).isEqualTo(91.6);
	}

	@Test
	void finishedPeriodIsJudgedOnItsFullTargetUntilTheNextActualIsReported() {
		long goal = goal("G-HOURS", "48", "24", LocalDate.of(2027, 2, 28));
		period(goal, "2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "40", "44");
		period(goal, "2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "32", null);

		GoalProgress progress = progressOn(LocalDate.of(2026, 11, 10));

		assertThat(progress.getCurrentPeriod()).isEqualTo("2026-10");
		assertThat(progress.getElapsedPct()).isEqualTo(100.0);
		assertThat(progress.getProRataTarget()).isEqualByComparingTo("40");
		assertThat(progress.getAttainmentPct()).as("40 / 44").isEqualTo(90.9);
	}

	@Test
	void firstPeriodStartsFromTheGoalsBaseline() {
		long goal = goal("G-WIN-RATE", "18", "25", LocalDate.of(2027, 6, 30));
		period(goal, "2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "20", "18.5");

		GoalProgress progress = progressOn(LocalDate.of(2026, 10, 1));

		assertThat(progress.getElapsedPct()).as("1 of 92 days").isEqualTo(1.1);
		assertThat(progress.getProRataTarget()).isEqualByComparingTo("18.0217");
		assertThat(progress.getAttainmentPct()).isEqualTo(102.7);
	}

	@Test
	void lastDayOfLeapFebruaryHoldsTheFullTarget() {
		long goal = goal("G-REPORTS", "0", "290", LocalDate.of(2028, 2, 29));
		period(goal, "2028-02", LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), "290", "290");

		GoalProgress dayBefore = progressOn(LocalDate.of(2028, 2, 28));
		GoalProgress lastDay = progressOn(LocalDate.of(2028, 2, 29));

		assertThat(dayBefore.getElapsedPct()).isEqualTo(96.6);
		assertThat(dayBefore.getProRataTarget()).isEqualByComparingTo("280");
		assertThat(lastDay.getElapsedPct()).isEqualTo(100.0);
		assertThat(lastDay.getProRataTarget()).isEqualByComparingTo("290");
		assertThat(lastDay.getAttainmentPct()).isEqualTo(100.0);
		assertThat(lastDay.isAchieved()).isTrue();
	}

	@Test
	void goalWithoutPeriodsHasNothingToJudge() {
		goal("G-NEW", "0", "300", LocalDate.of(2027, 3, 31));

		GoalProgress progress = progressOn(LocalDate.of(2026, 11, 10));

		assertThat(progress.getCurrentPeriod()).isNull();
		assertThat(progress.getElapsedPct()).isNull();
		assertThat(progress.getProRataTarget()).isNull();
		assertThat(progress.getAttainmentPct()).isNull();
	}

	private GoalProgress progressOn(LocalDate runDate) {
		Map<Long, List<GoalProgress>> goals = this.queries.goals(List.of(this.account), Map.of(this.account, "ACC-1"),
				runDate);
		assertThat(goals.get(this.account)).hasSize(1);
		return goals.get(this.account).get(0);
	}

	private long goal(String id, String baseline, String target, LocalDate due) {
		this.jdbc.update("""
				INSERT INTO success_goals (external_id, account_id, name, metric, unit, baseline, target, due_date)
				VALUES (?, ?, 'A goal', 'a_metric', 'units', ?, ?, ?)
				""", id, this.account, new BigDecimal(baseline), new BigDecimal(target), due);
		return this.jdbc.queryForObject("SELECT id FROM success_goals WHERE external_id = ?", Long.class, id);
	}

	private void period(long goal, String period, LocalDate start, LocalDate end, String target, String actual) {
		this.jdbc.update("""
				INSERT INTO goal_periods (goal_id, period, period_start, period_end, target, actual)
				VALUES (?, ?, ?, ?, ?, ?)
				""", goal, period, start, end, new BigDecimal(target),
				(actual != null) ? new BigDecimal(actual) : null);
	}

}
