package com.successpilot.run.internal;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A run whose last attempt ended UNKNOWN: a chunk failed and could not even be rolled
 * back — the database connection was lost in the middle of a step. Spring Batch refuses
 * to restart such a run ("manual intervention is probably necessary"). Here the
 * intervention is known and safe: a transaction whose connection was lost is rolled back
 * by the database, and every step may repeat a chunk without harm (upserts by natural
 * key, set-based facts, tasks deduplicated by key, mails claimed before they are sent).
 * So {@code --recover} marks the attempt and its UNKNOWN steps FAILED and the run
 * continues where it stopped; without it, the refusal says so.
 */
public final class UnknownEnds {

	private final JobRepository jobRepository;

	public UnknownEnds(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * @param parameters the run about to be started or continued
	 * @param recover mark an UNKNOWN end failed, so that the run continues
	 * @throws IllegalStateException the last attempt ended UNKNOWN and not recover
	 */
	public void takeOver(String jobName, JobParameters parameters, boolean recover) {
		JobExecution last = this.jobRepository.getLastJobExecution(jobName, parameters);
		if (last == null || last.getStatus() != BatchStatus.UNKNOWN) {
			return;
		}
		if (!recover) {
			throw new IllegalStateException(jobName + " (execution " + last.getId() + ") ended UNKNOWN: a step failed "
					+ "and could not even be rolled back, as when the database connection is lost. Use 'run " + jobName
					+ " --recover' (same date): the attempt is marked failed and the run continues where it stopped.");
		}
		String note = "Marked FAILED by --recover: ended UNKNOWN (a failure that could not be rolled back)";
		JobExecution execution = this.jobRepository.getJobExecution(last.getId());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(note));
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(execution.getExitStatus().and(ExitStatus.FAILED).addExitDescription(note));
		this.jobRepository.update(execution);
	}

}
