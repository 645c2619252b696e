package com.successpilot.faults;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestInbox;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a run leaves when the database connection is lost in the middle of a chunk: the
 * chunk cannot even be rolled back, so Spring Batch ends the step and the run UNKNOWN and
 * refuses to restart it. The same command names the way out, and {@code --recover}
 * continues the run (found by {@link NightlyJobFaultsTests}; before, the run could not be
 * recovered at all).
 */
@SuccessPilotTest
class UnknownEndRecoveryTests {

	@Autowired
	RunLauncher launcher;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ImportDefinition importDefinition;

	@Test
	void aRunThatEndedUnknownIsRefusedWithTheWayOutAndRecoverContinuesIt() throws Exception {
		new TestInbox(this.importDefinition).empty();
		LocalDate night = LocalDate.of(2026, 1, 17);
		endedUnknown(night);

		assertThatIllegalStateException().isThrownBy(() -> this.launcher.run("importJob", night, false, false))
			.withMessageContaining("ended UNKNOWN")
			.withMessageContaining("'run importJob --recover'");

		JobExecution recovered = this.launcher.run("importJob", night, false, true);

		assertThat(recovered.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(recovered.getJobParameters().getLong(RunLauncher.RUN_NUMBER)).as("the same run, continued")
			.isEqualTo(1);
	}

	private void endedUnknown(LocalDate night) {
		JobParameters parameters = new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, night)
			.addLong(RunLauncher.RUN_NUMBER, 1L)
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("importJob", parameters);
		JobExecution lost = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		lost.setStartTime(LocalDateTime.now());
		StepExecution step = this.jobRepository.createStepExecution("csmsImportStep", lost);
		step.setStartTime(LocalDateTime.now());
		step.setStatus(BatchStatus.UNKNOWN);
		step.setEndTime(LocalDateTime.now());
		this.jobRepository.update(step);
		lost.setStatus(BatchStatus.UNKNOWN);
		lost.setEndTime(LocalDateTime.now());
		this.jobRepository.update(lost);
	}

}
