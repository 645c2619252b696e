package com.successpilot.judgement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.judgement.JudgementRulesDirectory;
import com.successpilot.judgement.Portfolio;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.task.TaskRepository;

/**
 * One night is judged by one rule set: the version chosen when the judgement step starts
 * judges every partition and chunk, whatever is reloaded meanwhile, and a restart of the
 * step continues with it.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class RuleSetPinTests {

	private static final Path RULES = JudgementRulesDirectory.PATH;

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String RESCUE = "onboarding-first-value-rescue";

	private static final int ACCOUNTS = 20;

	@Autowired
	RunLauncher launcher;

	@Autowired
	com.successpilot.rules.RuleSetVersions ruleSetVersions;

	@Autowired
	com.successpilot.mail.OpsMails opsMails;

	@Autowired
	java.time.Clock clock;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MetricsSteps metricsSteps;

	@Autowired
	LiveRuleSet live;

	@Autowired
	TaskRepository tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate namedJdbc;

	@Autowired
	ImportDefinition definition;

	String pinned;

	@BeforeEach
	void starterRulesAndStalledOnboardings() throws IOException {
		TestData.deleteAll(this.jdbc);
		JudgementRulesDirectory.fillWith(Path.of("rules"));
		this.pinned = this.live.reload().version();
		new Portfolio(this.definition).stalledOnboarding(ACCOUNTS, NIGHT);
	}

	@Test
	void ruleReloadDuringTheStepChangesNotTheRulesOfLaterPartitions() throws Exception {
		this.launcher.run("importJob", NIGHT, true);
		ReloadBetweenPartitions reload = new ReloadBetweenPartitions(this::moveTheRulesOn);
		JudgementStepFactory factory = new JudgementStepFactory(this.jobRepository, this.transactionManager,
				this.metricsSteps, this.live, this.ruleSetVersions, this.opsMails, this.tasks, this.namedJdbc, 2,
				List.of(), this.clock);
		Job job = new JobBuilder("pinnedJudgementJob", this.jobRepository).start(this.metricsSteps.accountMetricsStep())
			.next(factory.step("pinnedJudgementStep", -1, List.of(reload)))
			.build();

		JobExecution run = this.jobOperator.start(job,
				new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, NIGHT).toJobParameters());

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(reload.reloadedTo).as("the rules moved on while the step ran").isNotNull().isNotEqualTo(this.pinned);
		assertThat(this.live.current().version()).isEqualTo(reload.reloadedTo);
		assertThat(partitionsOf(run, "pinnedJudgementStep")).as("a partition started after the reload")
			.hasSize(2)
			.allSatisfy((partition) -> assertThat(partition.getWriteCount()).isEqualTo(ACCOUNTS / 2));
		assertThat(pinnedVersion(run, "pinnedJudgementStep")).isEqualTo(this.pinned);
		assertJudgedByThePinnedVersionOnly();
	}

	@Test
	void restartedStepJudgesWithThePinnedVersionAfterTheRulesMoveOn() throws Exception {
		JobExecution failed = nightFailingHalfWay();
		moveTheRulesOn();

		JobExecution resumed = this.launcher.run("nightlyJob", NIGHT, false);

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(this.live.current().version()).as("the restart read the new rules first").isNotEqualTo(this.pinned);
		assertThat(pinnedVersion(resumed, "accountJudgementStep")).isEqualTo(this.pinned);
		assertJudgedByThePinnedVersionOnly();
	}

	@Test
	void restartFailsNamingBothVersionsWhenThePinnedRulesCannotBeHad() throws Exception {
		JobExecution failed = nightFailingHalfWay();
		int judgedBeforeTheFailure = rescueTasks();
		moveTheRulesOn();
		String live = this.live.reload().version();
		this.jdbc.update("DELETE FROM rule_set_files");

		JobExecution resumed = this.launcher.run("nightlyJob", NIGHT, false);

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(resumed.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy((message) -> assertThat(message)
				.contains("began judging this run with rules version " + this.pinned)
				.contains("the rules in force are version " + live)
				.contains("run nightlyJob --date=" + NIGHT + " --fresh")
				.contains("ルールバージョン " + this.pinned));
		assertThat(rescueTasks()).as("nothing judged by other rules").isEqualTo(judgedBeforeTheFailure);
	}

	/**
	 * The nightly run, with the database refusing the tasks of the second half of the
	 * accounts, as a crash half-way would leave it.
	 */
	private JobExecution nightFailingHalfWay() throws Exception {
		this.launcher.run("importJob", NIGHT, true);
		long lastOfFirstHalf = this.jdbc.queryForObject("SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET ?",
				Long.class, ACCOUNTS / 2 - 1);
		this.jdbc.execute("ALTER TABLE tasks ADD CONSTRAINT ck_test_half_way CHECK (account_id <= " + lastOfFirstHalf
				+ " OR playbook <> '" + RESCUE + "')");
		try {
			JobExecution failed = this.launcher.run("nightlyJob", NIGHT, true);
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(rescueTasks()).isPositive().isLessThan(2 * ACCOUNTS);
			return failed;
		}
		finally {
			this.jdbc.execute("ALTER TABLE tasks DROP CONSTRAINT ck_test_half_way");
		}
	}

	private void assertJudgedByThePinnedVersionOnly() {
		// the new rules would raise no rescue task at all
		assertThat(rescueTasks()).isEqualTo(2 * ACCOUNTS);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rules_version FROM tasks", String.class))
			.containsExactly(this.pinned);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rules_version FROM health_scores", String.class))
			.containsExactly(this.pinned);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rules_version FROM rule_firings", String.class))
			.containsExactly(this.pinned);
		assertThat(this.jdbc.queryForObject(
				"SELECT fired FROM rule_firings WHERE rule_name = 'Onboarding without first value after the first-value window'",
				Long.class))
			.isEqualTo(ACCOUNTS);
	}

	/**
	 * A valid edit after which the first-value rule no longer fires for these accounts.
	 */
	private void moveTheRulesOn() {
		try {
			Path rule = RULES.resolve("onboarding/first-value.drl");
			String drl = Files.readString(rule);
			assertThat(drl).contains("daysSinceStart > $window.value");
			Files.writeString(rule,
					drl.replace("daysSinceStart > $window.value", "daysSinceStart > $window.value * 10"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private int rescueTasks() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE playbook = ?", Integer.class, RESCUE);
	}

	private static List<StepExecution> partitionsOf(JobExecution run, String stepName) {
		return run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith(stepName + "Partition:"))
			.toList();
	}

	private static String pinnedVersion(JobExecution run, String stepName) {
		return run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(stepName))
			.findFirst()
			.orElseThrow()
			.getExecutionContext()
			.getString(RuleSetPin.RULES_VERSION);
	}

	/**
	 * Holds every partition but the first at its start until the first has written its
	 * accounts and the edited rules have been reloaded: a partition that starts after a
	 * reload, deterministically.
	 */
	final class ReloadBetweenPartitions implements StepExecutionListener, ItemWriteListener<JudgedAccount> {

		private final Runnable edit;

		private final CountDownLatch reloaded = new CountDownLatch(1);

		volatile String reloadedTo;

		ReloadBetweenPartitions(Runnable edit) {
			this.edit = edit;
		}

		@Override
		public void beforeStep(StepExecution partition) {
			if (!isFirst(partition)) {
				try {
					assertThat(this.reloaded.await(2, TimeUnit.MINUTES)).as("the first partition wrote").isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void afterWrite(Chunk<? extends JudgedAccount> items) {
			if (isFirst(StepSynchronizationManager.getContext().getStepExecution()) && this.reloadedTo == null) {
				this.edit.run();
				this.reloadedTo = RuleSetPinTests.this.live.reload().version();
			}
		}

		@Override
		public ExitStatus afterStep(StepExecution partition) {
			if (isFirst(partition)) {
				this.reloaded.countDown();
			}
			return null;
		}

		private static boolean isFirst(StepExecution partition) {
			return partition.getStepName().endsWith(":accounts0");
		}

	}

}
