package com.successpilot.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.ingest.FeedImportSteps;

/**
 * Run numbering, refusal of a second run of a job while one is going (for any business
 * date), and taking over a run whose process died.
 */
@SuccessPilotTest
class RunLauncherTests {

	@Autowired
	RunLauncher launcher;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ImportDefinition importDefinition;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyInboxAndDatabase() {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.importDefinition).empty();
	}

	@Test
	void aCompletedRunIsFollowedByTheNextRunNumber() throws Exception {
		LocalDate night = LocalDate.of(2026, 1, 10);

		JobExecution first = this.launcher.run("importJob", night, false);
		JobExecution second = this.launcher.run("importJob", night, false);

		assertThat(first.getJobParameters().getLong(RunLauncher.RUN_NUMBER)).isEqualTo(1);
		assertThat(second.getJobParameters().getLong(RunLauncher.RUN_NUMBER)).isEqualTo(2);
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aRunStillMarkedAsGoingIsRefusedUnlessRecovered() throws Exception {
		LocalDate night = LocalDate.of(2026, 1, 11);
		// what a kill -9 leaves behind: an execution that started and never ended
		JobParameters parameters = new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, night)
			.addLong(RunLauncher.RUN_NUMBER, 1L)
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("importJob", parameters);
		JobExecution crashed = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		crashed.setStatus(BatchStatus.STARTED);
		crashed.setStartTime(java.time.LocalDateTime.now());
		this.jobRepository.update(crashed);

		assertThatThrownBy(() -> this.launcher.run("importJob", night, false))
			.isInstanceOf(RunLauncher.RunAlreadyGoingException.class)
			.hasMessageContaining("importJob for 2026-01-11 is already running (run 1")
			.hasMessageContaining("--recover");

		JobExecution recovered = this.launcher.run("importJob", night, false, true);

		assertThat(recovered.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(recovered.getJobInstance().getInstanceId()).isEqualTo(instance.getInstanceId());
		assertThat(this.jobRepository.getJobExecution(crashed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
	}

	@Test
	void aSecondRunOfTheSameJobIsRefusedWhateverItsBusinessDate() throws Exception {
		JobExecution going = goingRun("importJob", LocalDate.of(2026, 1, 12));
		try {
			assertThatThrownBy(() -> this.launcher.run("importJob", LocalDate.of(2026, 1, 13), false))
				.isInstanceOf(RunLauncher.RunAlreadyGoingException.class)
				.hasMessageContaining("importJob for 2026-01-12 is already running (run 1")
				.hasMessageContaining("a second run of importJob is refused while one is going");
			assertThat(this.launcher.isGoing("importJob")).isTrue();
			// another job is not held up
			assertThat(this.launcher.run("nightlyJob", LocalDate.of(2026, 1, 13), true).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);
		}
		finally {
			going.setStatus(BatchStatus.FAILED);
			going.setEndTime(java.time.LocalDateTime.now());
			this.jobRepository.update(going);
		}
		assertThat(this.launcher.isGoing("importJob")).isFalse();
	}

	@Test
	void recoverTakesOverARunOfAnotherDateLeftGoingByADeadProcess() throws Exception {
		JobExecution crashed = goingRun("importJob", LocalDate.of(2026, 1, 14));

		JobExecution run = this.launcher.run("importJob", LocalDate.of(2026, 1, 15), false, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jobRepository.getJobExecution(crashed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
	}

	/**
	 * What a run going in another process (or one killed) looks like in the job
	 * repository.
	 */
	private JobExecution goingRun(String job, LocalDate night) {
		JobParameters parameters = new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, night)
			.addLong(RunLauncher.RUN_NUMBER, 1L)
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance(job, parameters);
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(java.time.LocalDateTime.now());
		this.jobRepository.update(execution);
		return execution;
	}

}
