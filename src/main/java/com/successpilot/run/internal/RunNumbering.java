package com.successpilot.run.internal;

import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.run.RunLauncher;

/**
 * Which run of a business date to start: the failed one to continue, or the next number
 * after a completed one. A run is the job instance of (business date, run number).
 */
public final class RunNumbering {

	private final JobRepository jobRepository;

	public RunNumbering(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * @param fresh a new run number even when the last run of the date failed
	 */
	public JobParameters next(String jobName, LocalDate businessDate, boolean fresh) {
		long runNumber = lastRunNumber(jobName, businessDate);
		if (runNumber == 0) {
			return parameters(businessDate, 1);
		}
		JobExecution last = this.jobRepository.getLastJobExecution(jobName, parameters(businessDate, runNumber));
		boolean continueFailed = last != null && last.getStatus() != BatchStatus.COMPLETED
				&& last.getStatus() != BatchStatus.ABANDONED && !fresh;
		return parameters(businessDate, continueFailed ? runNumber : runNumber + 1);
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

	public static JobParameters parameters(LocalDate businessDate, long runNumber) {
		return new JobParametersBuilder().addLocalDate(FeedImportSteps.BUSINESS_DATE, businessDate)
			.addLong(RunLauncher.RUN_NUMBER, runNumber)
			.toJobParameters();
	}

}
