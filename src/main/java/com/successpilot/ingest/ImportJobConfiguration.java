package com.successpilot.ingest;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.ingest.internal.ImportDefinitionLoader;

/**
 * The import on its own ({@code importJob}): the nightly job's import steps, for an
 * operator who wants to load feeds without judging accounts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchJobsProperties.class)
class ImportJobConfiguration {

	/** The job definition whose {@code import:} section declares the feeds. */
	static final String NIGHTLY_JOB_FILE = "nightly-job.yml";

	@Bean
	ImportDefinition importDefinition(BatchJobsProperties properties) {
		return ImportDefinitionLoader.load(Path.of(properties.dir()).resolve(NIGHTLY_JOB_FILE));
	}

	@Bean
	Job importJob(JobRepository jobRepository, FeedImportSteps feedImportSteps, ImportDefinition importDefinition) {
		var steps = feedImportSteps.steps(importDefinition);
		SimpleJobBuilder job = new JobBuilder("importJob", jobRepository).start(steps.get(0));
		for (Step step : steps.subList(1, steps.size())) {
			job.next(step);
		}
		return job.build();
	}

}
