package com.successpilot.run.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.JobSchedule;
import com.successpilot.run.JobSchedules;
import com.successpilot.run.RunLauncher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a schedule's trigger does when it fires, driven directly with a fixed instant
 * rather than waiting for the clock: a run through {@link RunLauncher} for the day in the
 * job's zone, or a refusal in the log.
 */
@SuccessPilotTest
@ExtendWith(OutputCaptureExtension.class)
class ScheduledRunsTests {

	/** 01:30 on 2 March in Tokyo. */
	private static final Instant FIRED_AT = Instant.parse("2026-03-01T16:30:00Z");

	private final JobSchedule importAtHalfPastOneInTokyo = JobSchedule.of("importJob", Path.of("import-job.yml"),
			"0 30 1 * * *", "Asia/Tokyo");

	@Autowired
	RunLauncher launcher;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ImportDefinition importDefinition;

	@Autowired
	JdbcTemplate jdbc;

	ScheduledRuns scheduledRuns;

	@BeforeEach
	void emptyInboxAndDatabase() {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.importDefinition).empty();
		this.scheduledRuns = new ScheduledRuns(this.launcher, new JobSchedules(Path.of("batch-jobs"),
				List.of("importJob"), List.of(this.importAtHalfPastOneInTokyo), List.of()),
				Clock.fixed(FIRED_AT, ZoneOffset.UTC));
	}

	@Test
	void aScheduledRunIsForTheDayInTheJobsZoneAndStartsThroughTheLauncher(CapturedOutput output) {
		Optional<JobExecution> started = this.scheduledRuns.fire(this.importAtHalfPastOneInTokyo, FIRED_AT);

		assertThat(started).isPresent();
		JobExecution execution = started.get();
		assertThat(execution.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE))
			.isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(execution.getJobParameters().getLong(RunLauncher.RUN_NUMBER)).isPositive();
		await().atMost(Duration.ofSeconds(60)).until(() -> !this.launcher.isGoing("importJob"));
		assertThat(this.jobRepository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(output).contains("Scheduled run of importJob for 2026-03-02 (0 30 1 * * * Asia/Tokyo) started");
	}

	@Test
	void aScheduledRunRefusedBecauseTheJobIsRunningIsLoggedWithTheReason(CapturedOutput output) {
		JobExecution going = runningImport(LocalDate.of(2026, 2, 27));
		try {
			Optional<JobExecution> started = this.scheduledRuns.fire(this.importAtHalfPastOneInTokyo, FIRED_AT);

			assertThat(started).isEmpty();
			assertThat(output).contains("Scheduled run of importJob for 2026-03-02 (0 30 1 * * * Asia/Tokyo) did not "
					+ "start: importJob for 2026-02-27 is already running");
		}
		finally {
			going.setStatus(BatchStatus.FAILED);
			going.setEndTime(LocalDateTime.now());
			this.jobRepository.update(going);
		}
	}

	@Test
	void commandsRunWithoutTheScheduler(@Autowired ObjectProvider<ScheduledRuns> scheduler) {
		assertThat(scheduler.getIfAvailable()).isNull();
	}

	@Test
	void aScheduleProblemStopsTheServerFromStarting() {
		JobSchedules broken = new JobSchedules(Path.of("batch-jobs"), List.of("nightlyJob"), List.of(),
				List.of("batch-jobs/nightly-job.yml: schedule.time-zone 'Asia/Tokio' is not a known time zone"));

		assertThatThrownBy(() -> new ScheduledRuns(this.launcher, broken, Clock.systemUTC()))
			.hasMessageContaining("cannot be used")
			.hasMessageContaining("nightly-job.yml: schedule.time-zone 'Asia/Tokio'");
	}

	/** What another process running the job looks like in the job repository. */
	private JobExecution runningImport(LocalDate businessDate) {
		JobParameters parameters = new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, businessDate)
			.addLong(RunLauncher.RUN_NUMBER, 1L)
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("importJob", parameters);
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.now());
		this.jobRepository.update(execution);
		return execution;
	}

}
