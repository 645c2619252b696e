package com.successpilot.run;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.ingest.BatchJobsProperties;
import com.successpilot.run.internal.JobScheduleLoader;

/**
 * The schedules of {@code batch-jobs/}, read once at start-up: a change needs a restart
 * of the server.
 */
@Configuration(proxyBeanMethods = false)
class JobSchedulesConfiguration {

	@Bean
	JobSchedules jobSchedules(BatchJobsProperties batchJobs, List<Job> jobs) {
		return JobScheduleLoader.load(Path.of(batchJobs.dir()), jobs.stream().map(Job::getName).toList());
	}

}
