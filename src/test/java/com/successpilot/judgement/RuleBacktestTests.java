package com.successpilot.judgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.portfolio.DemoPortfolio.Archetype;
import com.successpilot.rules.RuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * A backtest replays the starter rules over a generated history of nights and counts what
 * the nights themselves raised; the accounts at risk whose contracts then ended are
 * flagged, as many days before as a hand count says.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class RuleBacktestTests {

	private static final LocalDate FIRST = LocalDate.of(2026, 11, 23);

	private static final LocalDate LAST = FIRST.plusDays(2);

	private static final int ACCOUNTS = 100;

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	RuleBacktest backtest;

	@Autowired
	MutableClock clock;

	@Autowired
	@Qualifier("backtestCommand")
	Command backtestCommand;

	@Test
	void backtestOverAGeneratedHistoryCountsWhatTheNightsRaisedAndFlagsTheChurnedAccounts() throws Exception {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
		JudgementRulesDirectory.fillWith(Path.of("rules"));
		for (LocalDate night = FIRST; !night.isAfter(LAST); night = night.plusDays(1)) {
			DemoPortfolio.generate(this.definition.inbox(), ACCOUNTS, night, 42);
			assertThat(this.launcher.run("nightlyJob", night, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}
		// what became of the accounts at risk: their contracts ended at the renewal,
		// not renewed (the contracts feed says cancelled)
		List<String> atRisk = new ArrayList<>();
		for (int i = 1; i <= ACCOUNTS; i++) {
			String id = String.format("ACC-%06d", i);
			if (DemoPortfolio.archetypeOf(id, 42) == Archetype.RENEWAL_AT_RISK) {
				atRisk.add(id);
			}
		}
		assertThat(atRisk).isNotEmpty();
		atRisk.forEach((id) -> this.jdbc.update("""
				UPDATE contracts SET status = 'cancelled'
				WHERE status = 'active' AND account_id = (SELECT id FROM accounts WHERE external_id = ?)""", id));

		// the morning after the last night: no other contract has ended by then
		this.clock.set(LAST, LocalTime.of(6, 0));

		BacktestReport report = this.backtest.backtest(RuleSet.load(JudgementRulesDirectory.PATH), FIRST, LAST);

		assertThat(report.nights()).containsExactly(FIRST, FIRST.plusDays(1), LAST);
		assertThat(report.accounts()).isEqualTo(ACCOUNTS);
		assertThat(report.churned()).isEqualTo(atRisk.size());
		assertThat(report.outcomes()).extracting(BacktestReport.Outcome::accountId)
			.containsExactlyInAnyOrderElementsOf(atRisk);
		// every playbook: the tasks and accounts the three nights raised
		Map<String, Integer> tasksByPlaybook = new HashMap<>();
		Map<String, Integer> accountsByPlaybook = new HashMap<>();
		this.jdbc.query("SELECT playbook, COUNT(*), COUNT(DISTINCT account_id) FROM tasks GROUP BY playbook", (rs) -> {
			tasksByPlaybook.put(rs.getString(1), rs.getInt(2));
			accountsByPlaybook.put(rs.getString(1), rs.getInt(3));
		});
		List<BacktestReport.Row> playbooks = report.rows()
			.stream()
			.filter((row) -> row.kind().equals("playbook"))
			.toList();
		assertThat(playbooks).isNotEmpty();
		for (BacktestReport.Row row : playbooks) {
			assertThat(row.accounts()).as(row.name()).isEqualTo(accountsByPlaybook.get(row.name()));
			assertThat(row.tasks()).as(row.name()).isEqualTo(tasksByPlaybook.get(row.name()));
		}
		assertThat(playbooks).extracting(BacktestReport.Row::name)
			.containsExactlyInAnyOrderElementsOf(tasksByPlaybook.keySet());
		// the hand count: first task of each churned account, days to its contract's end
		List<Long> days = new ArrayList<>();
		for (String id : atRisk) {
			LocalDate firstTask = this.jdbc.queryForObject("""
					SELECT MIN(t.created_on) FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE a.external_id = ?
					""", LocalDate.class, id);
			LocalDate ended = this.jdbc.queryForObject("""
					SELECT MIN(c.end_date) FROM contracts c JOIN accounts a ON a.id = c.account_id
					WHERE a.external_id = ? AND c.status = 'cancelled'""", LocalDate.class, id);
			assertThat(firstTask).as(id + " flagged").isNotNull();
			days.add(ChronoUnit.DAYS.between(firstTask, ended));
		}
		days.sort(null);
		BacktestReport.Row any = report.rows().get(report.rows().size() - 1);
		assertThat(any.kind()).isEqualTo("all");
		assertThat(any.churnedFlagged()).isEqualTo(atRisk.size());
		double median = (days.size() % 2 == 1) ? days.get(days.size() / 2)
				: (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
		assertThat(any.medianDaysBefore()).isEqualTo(median);
		assertThat(any.averageDaysBefore()).isCloseTo(days.stream().mapToLong(Long::longValue).average().orElseThrow(),
				org.assertj.core.data.Offset.offset(1e-9));

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int exit = this.backtestCommand.run(
				new CommandArguments(new DefaultApplicationArguments("backtest", "--from=" + FIRST, "--to=" + LAST)),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("over 3 night(s)")
			.contains(atRisk.size() + " churned")
			.contains("(any)");
	}

}
