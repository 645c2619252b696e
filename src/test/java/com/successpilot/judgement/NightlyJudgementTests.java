package com.successpilot.judgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;
import com.successpilot.task.TaskRepository;

/**
 * The nightly job from feed files to tasks and health scores, with the real starter rules
 * in rules/: deduplication across re-runs and restarts, snooze, auto-close.
 */
@SuccessPilotTest
class NightlyJudgementTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String RESCUE = "onboarding-first-value-rescue";

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	TaskRepository tasks;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	Portfolio portfolio;

	@BeforeEach
	void emptyDatabase() {
		this.portfolio = new Portfolio(this.definition);
		TestData.deleteAll(this.jdbc);
	}

	@Test
	void stalledOnboardingRaisesExplainedTasksForTheAccountsCsm() throws Exception {
		this.portfolio.stalledOnboarding(1, NIGHT);

		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> raised = this.jdbc.queryForList("""
				SELECT t.*, c.email FROM tasks t JOIN csms c ON c.id = t.owner_csm_id WHERE t.playbook = ? ORDER BY t.id
				""", RESCUE);
		assertThat(raised).hasSize(2);
		Map<String, Object> first = raised.get(0);
		assertThat(first.get("email")).isEqualTo("misaki.sato@example.com");
		assertThat(first.get("status")).isEqualTo("OPEN");
		assertThat(first.get("task_type")).isEqualTo("risk");
		assertThat((String) first.get("title")).contains("株式会社テスト1");
		// the CSM reads Japanese: the playbook's Japanese why, numbers as people write
		// them
		assertThat((String) first.get("why")).isEqualTo("利用開始から60日が経過しましたが、まだ価値を実感できる成果がありません（30日以内が目安）。");
		assertThat((String) first.get("title")).isEqualTo("今週中に株式会社テスト1に最初の成果を届ける");
		assertThat((String) first.get("evidence")).contains("\"daysSinceStart\":60")
			.contains("\"rule\":\"Onboarding without first value after the first-value window\"")
			.contains("\"first_value_days\":30.0")
			.contains("\"thresholdSources\":{\"first_value_days\":{\"source\":\"segment\",\"segment\":");
		assertThat((String) first.get("rules_version")).matches("[0-9a-f]{12}");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rules_version FROM rule_firings", String.class))
			.containsExactly((String) first.get("rules_version"));
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM health_scores WHERE run_date = ?", Integer.class, NIGHT))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT fired FROM rule_firings WHERE rule_name = 'Onboarding without first value after the first-value window'",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void rerunOfSameNightCreatesNoDuplicateTask() throws Exception {
		this.portfolio.stalledOnboarding(3, NIGHT);
		JobExecution first = this.launcher.run("nightlyJob", NIGHT, true);
		int raised = taskCount();

		JobExecution rerun = this.launcher.run("nightlyJob", NIGHT, false);

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rerun.getJobInstance().getInstanceId()).isNotEqualTo(first.getJobInstance().getInstanceId());
		assertThat(raised).isEqualTo(6);
		assertThat(taskCount()).isEqualTo(raised);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT last_seen_run FROM tasks", Long.class))
			.containsExactly(rerun.getJobInstance().getInstanceId());
		assertThat(this.jdbc.queryForList("SELECT DISTINCT created_run FROM tasks", Long.class))
			.containsExactly(first.getJobInstance().getInstanceId());
		// nothing about the tasks changed, so the re-run has nothing new to tell the CSM
		assertThat(this.jdbc.queryForList("SELECT DISTINCT changed_run FROM tasks", Long.class))
			.containsExactly(first.getJobInstance().getInstanceId());
	}

	@Test
	void restartAfterAFailedJudgementCreatesNoDuplicateTask() throws Exception {
		this.portfolio.stalledOnboarding(600, NIGHT);
		// the database refuses the second chunk's tasks, as a crash half-way would leave
		// it
		JobExecution failed;
		this.launcher.run("importJob", NIGHT, true);
		long lastOfFirstChunk = this.jdbc.queryForObject("SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET 499",
				Long.class);
		this.jdbc.execute("ALTER TABLE tasks ADD CONSTRAINT ck_test_crash CHECK (account_id <= " + lastOfFirstChunk
				+ " OR playbook <> '" + RESCUE + "')");
		try {
			failed = this.launcher.run("nightlyJob", NIGHT, true);
		}
		finally {
			this.jdbc.execute("ALTER TABLE tasks DROP CONSTRAINT ck_test_crash");
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		int committedBeforeTheFailure = taskCount();
		assertThat(committedBeforeTheFailure).isPositive().isLessThan(1200);
		// an operator restarts it a little later
		this.clock.advance(Duration.ofMinutes(20));
		double countedBefore = newTasksCounted();

		JobExecution resumed = this.launcher.run("nightlyJob", NIGHT, false);

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(taskCount()).isEqualTo(1200);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT dedup_key) FROM tasks", Integer.class))
			.isEqualTo(1200);
		// the restarted attempt counts the tasks it created, not those of the first one
		assertThat(newTasksCounted() - countedBefore).isEqualTo(1200 - committedBeforeTheFailure);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM health_scores", Integer.class)).isEqualTo(600);
		assertThat(this.jdbc.queryForObject(
				"SELECT fired FROM rule_firings WHERE rule_name = 'Onboarding without first value after the first-value window'",
				Long.class))
			.isEqualTo(600);
	}

	@Test
	void taskAutoClosesWhenItsConditionClears() throws Exception {
		this.portfolio.stalledOnboarding(2, NIGHT);
		this.launcher.run("nightlyJob", NIGHT, true);

		this.portfolio.firstValue("ACC-1", NIGHT);
		JobExecution nextNight = this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		assertThat(nextNight.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(statusesOf("ACC-1")).containsOnly("AUTO_CLOSED");
		assertThat(statusesOf("ACC-2")).containsOnly("OPEN");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE active_key IS NULL AND status = 'AUTO_CLOSED'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void snoozedTaskStaysSnoozedUntilItsDateThenReopens() throws Exception {
		this.portfolio.stalledOnboarding(1, NIGHT);
		this.launcher.run("nightlyJob", NIGHT, true);
		long taskId = this.jdbc.queryForObject("SELECT MIN(id) FROM tasks", Long.class);

		assertThat(this.tasks.snooze(taskId, NIGHT.plusDays(3), "misaki.sato@example.com", null)).isTrue();
		this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);
		assertThat(statusOf(taskId)).isEqualTo("SNOOZED");
		assertThat(taskCount()).isEqualTo(2);

		JobExecution wakeUp = this.launcher.run("nightlyJob", NIGHT.plusDays(3), true);
		assertThat(statusOf(taskId)).isEqualTo("OPEN");
		assertThat(taskCount()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT changed_run FROM tasks WHERE id = ?", Long.class, taskId))
			.isEqualTo(wakeUp.getJobInstance().getInstanceId());
	}

	@Test
	void aTaskSeenAgainWithOnlyADayCounterMovedIsRefreshedWithoutCountingAsChanged() throws Exception {
		this.portfolio.stalledOnboarding(1, NIGHT);
		JobExecution first = this.launcher.run("nightlyJob", NIGHT, true);
		JobExecution rerun = this.launcher.run("nightlyJob", NIGHT, true);

		JobExecution nextNight = this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		assertThat(taskCount()).isEqualTo(2);
		List<Map<String, Object>> seen = this.jdbc.queryForList(
				"SELECT why, evidence, created_run, last_seen_run, last_seen_on, changed_run FROM tasks ORDER BY id");
		long nextRun = nextNight.getJobInstance().getInstanceId();
		assertThat(seen).allSatisfy((task) -> {
			assertThat((String) task.get("why")).contains("利用開始から61日");
			assertThat((String) task.get("evidence")).contains("\"daysSinceStart\":61");
			assertThat(((Number) task.get("created_run")).longValue())
				.isEqualTo(first.getJobInstance().getInstanceId());
			assertThat(((Number) task.get("last_seen_run")).longValue()).isEqualTo(nextRun);
			assertThat(task.get("last_seen_on").toString()).isEqualTo(NIGHT.plusDays(1).toString());
			// the day counter is no news for the CSM: no digest entry, no "[changed]"
			// mail
			assertThat(((Number) task.get("changed_run")).longValue())
				.isEqualTo(first.getJobInstance().getInstanceId());
		});
		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aTaskMarkedDoneIsNotRaisedAgainForTheSameOccurrence() throws Exception {
		this.portfolio.stalledOnboarding(1, NIGHT);
		this.launcher.run("nightlyJob", NIGHT, true);
		long taskId = this.jdbc.queryForObject("SELECT MIN(id) FROM tasks", Long.class);

		assertThat(this.tasks.close(taskId, com.successpilot.task.TaskStatus.DONE, "misaki.sato@example.com",
				"Called the sponsor"))
			.isTrue();
		this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		// the CSM's decision stands: the rescue fires again for the same account and
		// occurrence, and is not raised again
		assertThat(statusOf(taskId)).isEqualTo("DONE");
		assertThat(taskCount()).isEqualTo(2);
	}

	private double newTasksCounted() {
		Counter counter = this.meters.find("successpilot.new.tasks").tag("job", "nightlyJob").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private int taskCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks", Integer.class);
	}

	private String statusOf(long taskId) {
		return this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, taskId);
	}

	private List<String> statusesOf(String accountId) {
		return this.jdbc.queryForList(
				"SELECT t.status FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE a.external_id = ?",
				String.class, accountId);
	}

}
