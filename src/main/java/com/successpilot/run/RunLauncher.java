package com.successpilot.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.FeedImportSteps;

/**
 * Starts runs. A run is identified by job, business date and run number: after a
 * completed run the same date gets the next number (a re-run), after a failed one the
 * failed run continues where it stopped, and a run still going is never started twice.
 */
@Component
public class RunLauncher {

	/** The job parameter numbering the runs of one business date. */
	public static final String RUN_NUMBER = "run";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<String, Job> jobs;

	private final List<RunPreflight> preflights;

	RunLauncher(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, List<RunPreflight> preflights) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
		this.preflights = preflights;
	}

	/**
	 * Runs a job for a business date and waits for it to end.
	 * @param fresh start a new run even when the last one failed
	 */
	public JobExecution run(String jobName, LocalDate businessDate, boolean fresh) throws Exception {
		return run(jobName, businessDate, fresh, false);
	}

	/**
	 * Runs a job for a business date and waits for it to end.
	 * @param fresh start a new run even when the last one failed
	 * @param recover the last run is marked as still going but the process that ran it is
	 * gone (a crash, {@code kill -9}): mark it failed and continue it
	 */
	public JobExecution run(String jobName, LocalDate businessDate, boolean fresh, boolean recover) throws Exception {
		Job job = this.jobs.get(jobName);
		if (job == null) {
			throw new IllegalArgumentException("There is no job called '" + jobName + "'; the jobs are "
					+ this.jobs.keySet().stream().sorted().toList());
		}
		return run(job, businessDate, fresh, recover);
	}

	/**
	 * Runs a job that is not one of the application's beans (e.g. a benchmark's).
	 */
	public JobExecution run(Job job, LocalDate businessDate, boolean fresh) throws Exception {
		return run(job, businessDate, fresh, false);
	}

	private JobExecution run(Job job, LocalDate businessDate, boolean fresh, boolean recover) throws Exception {
		String jobName = job.getName();
		this.preflights.forEach((preflight) -> preflight.check(jobName));
		long runNumber = lastRunNumber(jobName, businessDate);
		if (runNumber > 0) {
			JobExecution last = this.jobRepository.getLastJobExecution(jobName, parameters(businessDate, runNumber));
			if (last != null && last.isRunning() && recover) {
				last = this.jobOperator.recover(last);
			}
			if (last != null && last.isRunning()) {
				throw new RunAlreadyGoingException(jobName + " for " + businessDate + " is already running (run "
						+ runNumber + ", execution " + last.getId() + ", started " + last.getStartTime()
						+ "). If the process that ran it has died (a crash, kill -9), run again with --recover: "
						+ "the run is marked failed and continues where it stopped.");
			}
			boolean continueFailed = last != null && last.getStatus() != BatchStatus.COMPLETED
					&& last.getStatus() != BatchStatus.ABANDONED && !fresh;
			if (!continueFailed) {
				runNumber++;
			}
		}
		else {
			runNumber = 1;
		}
		return this.jobOperator.start(job, parameters(businessDate, runNumber));
	}

	/**
	 * All executions of the run that {@code execution} belongs to, oldest first, so a
	 * summary can include what an earlier, failed attempt already did.
	 */
	public List<JobExecution> attemptsOf(JobExecution execution) {
		List<JobExecution> attempts = new java.util.ArrayList<>(
				this.jobRepository.getJobExecutions(execution.getJobInstance()));
		attempts.sort(java.util.Comparator.comparing(JobExecution::getId));
		return attempts;
	}

	private long lastRunNumber(String jobName, LocalDate businessDate) {
		long runNumber = 0;
		while (true) {
			JobInstance instance = this.jobRepository.getJobInstance(jobName, parameters(businessDate, runNumber + 1));
			if (instance == null) {
				return runNumber;
			}
			runNumber++;
		}
	}

	private static JobParameters parameters(LocalDate businessDate, long runNumber) {
		return new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, businessDate)
			.addLong(RUN_NUMBER, runNumber)
			.toJobParameters();
	}

	/**
	 * Refusal to start a run while the same job and date is still running.
	 */
	public static class RunAlreadyGoingException extends IllegalStateException {

		RunAlreadyGoingException(String message) {
			super(message);
		}

	}

}
