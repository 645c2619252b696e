package com.successpilot.run.internal;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs started for the API and the scheduler: the run is created (and gets its execution
 * id) in the caller's thread, then goes on a small pool of its own. The pool is bounded
 * by the number of jobs, since each job runs at most once at a time.
 */
public final class BackgroundRuns implements AutoCloseable {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private final JobOperator operator;

	public BackgroundRuns(JobRepository jobRepository, RunClaims claims, int jobs) {
		this.executor.setCorePoolSize(Math.max(1, jobs));
		this.executor.setMaxPoolSize(Math.max(1, jobs));
		// a thread finishing a run may not be back in the pool yet when the next starts
		this.executor.setQueueCapacity(Math.max(1, jobs));
		this.executor.setThreadNamePrefix("run-");
		this.executor.setTaskDecorator(claims.decorator());
		this.executor.initialize();
		TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
		operator.setJobRepository(jobRepository);
		operator.setJobRegistry(new MapJobRegistry());
		operator.setTaskExecutor(this.executor);
		try {
			operator.afterPropertiesSet();
			this.operator = operator;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the operator for background runs", ex);
		}
	}

	/**
	 * Creates the run's execution and returns it while the run goes on in the background.
	 */
	public JobExecution start(Job job, JobParameters parameters) throws Exception {
		return this.operator.start(job, parameters);
	}

	@Override
	public void close() {
		this.executor.shutdown();
	}

}
