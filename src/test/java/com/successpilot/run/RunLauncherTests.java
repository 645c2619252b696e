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
 * Run numbering, refusal of a second run while one is going, and taking over a run whose
 * process died.
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

}
