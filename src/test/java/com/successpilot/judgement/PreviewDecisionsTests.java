package com.successpilot.judgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.judgement.internal.RuleChangeForecaster;
import com.successpilot.metrics.AccountCase;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetVersions;
import com.successpilot.run.RunLauncher;
import com.successpilot.task.RaisedTask;

/**
 * The preview judges for decisions only ({@link RuleSet#decide}) and builds task rows
 * without texts ({@link RuleChangeForecaster#decisionsOf}); on the demo portfolio these
 * are exactly what the judgement step's full evaluation and rows decide: the same task
 * keys, occurrences, owners, priorities, due dates, flags and scores, the same health,
 * firings and errors.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class PreviewDecisionsTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate namedJdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MetricsSteps metricsSteps;

	@Autowired
	RuleSetVersions versions;

	@Autowired
	ImportDefinition definition;

	@Test
	void decisionsWithoutTextsAreTheFullEvaluationsDecisions() throws Exception {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
		JudgementRulesDirectory.fillWith(Path.of("rules"));
		for (LocalDate night : List.of(NIGHT, NIGHT.plusDays(1))) {
			DemoPortfolio.generate(this.definition.inbox(), 120, night, 42);
			assertThat(this.launcher.run("nightlyJob", night, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}
		RuleSet rules = RuleSet.load(JudgementRulesDirectory.PATH);
		RuleChangeForecaster forecaster = new RuleChangeForecaster(this.metricsSteps, this.namedJdbc,
				this.transactionManager, 2, this.versions);
		List<String> full = Collections.synchronizedList(new ArrayList<>());
		List<String> decided = Collections.synchronizedList(new ArrayList<>());
		for (LocalDate night : List.of(NIGHT, NIGHT.plusDays(1))) {
			forecaster.forEachChunk(night, (chunk) -> {
				Map<Long, Double> healthBefore = forecaster.healthBefore(chunk, night, rules);
				for (AccountCase account : chunk) {
					Double before = healthBefore.get(account.accountKey());
					AccountJudgement evaluated = rules.evaluate(account.facts(), account.goals(), account.thresholds());
					AccountJudgement decision = rules.decide(account.facts(), account.goals(), account.thresholds());
					full.add(night + " " + judged(evaluated));
					decided.add(night + " " + judged(decision));
					RuleChangeForecaster.tasksOf(account, evaluated, rules.attention(), night, before)
						.forEach((task) -> full.add(night + " " + decisions(task)));
					RuleChangeForecaster.decisionsOf(account, decision, rules.attention(), night, before)
						.forEach((task) -> {
							assertThat(task.title()).isNull();
							assertThat(task.evidence()).isNull();
							decided.add(night + " " + decisions(task));
						});
				}
			});
		}

		assertThat(full).filteredOn((line) -> line.contains("|")).hasSizeGreaterThan(100);
		assertThat(decided).containsExactlyInAnyOrderElementsOf(full);
	}

	private static String judged(AccountJudgement judgement) {
		return judgement.accountId() + " health=" + judgement.health().map((score) -> score.getGrade()).orElse("-")
				+ "/" + judgement.health().map((score) -> score.getOverall()).orElse(null) + " firings="
				+ new java.util.TreeMap<>(judgement.firings()) + " errors=" + judgement.errors().size() + " responses="
				+ judgement.responses().size();
	}

	private static String decisions(RaisedTask task) {
		return String.join(" ", task.dedupKey(), String.valueOf(task.accountKey()), String.valueOf(task.ownerKey()),
				task.playbook(), task.type(), task.priority(), String.valueOf(task.dueDate()),
				String.valueOf(task.urgent()), String.valueOf(task.autoClose()), task.rule(),
				String.valueOf(task.rankScore()));
	}

}
