package com.successpilot.run;

import java.time.LocalDate;

import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.successpilot.ingest.FeedImportSteps;

/**
 * Puts the run into every log line written while it is going: {@code runId} (the job
 * execution), {@code jobName} and {@code businessDate}. They are set on the thread that
 * runs the job, whichever started it (command line, API, schedule); the executors of
 * partitioned steps copy them to their threads
 * ({@link com.successpilot.system.LogContextPropagation}).
 */
public final class RunLoggingListener implements JobExecutionListener {

	/** The MDC keys set for a run. */
	public static final String RUN_ID = "runId";

	public static final String JOB_NAME = "jobName";

	public static final String BUSINESS_DATE = "businessDate";

	@Override
	public void beforeJob(JobExecution jobExecution) {
		MDC.put(RUN_ID, String.valueOf(jobExecution.getId()));
		MDC.put(JOB_NAME, jobExecution.getJobInstance().getJobName());
		LocalDate businessDate = jobExecution.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE);
		if (businessDate != null) {
			MDC.put(BUSINESS_DATE, businessDate.toString());
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		MDC.remove(RUN_ID);
		MDC.remove(JOB_NAME);
		MDC.remove(BUSINESS_DATE);
	}

}
