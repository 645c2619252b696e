package com.successpilot.run.internal;

import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Puts the run's id into every log line written while the run is going.
 */
public final class RunLoggingListener implements JobExecutionListener {

	@Override
	public void beforeJob(JobExecution jobExecution) {
		MDC.put("runId", String.valueOf(jobExecution.getId()));
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		MDC.remove("runId");
	}

}
