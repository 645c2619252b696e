package com.successpilot.jobs;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.attention.AttentionSteps;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.judgement.JudgementSteps;
import com.successpilot.mail.MailSteps;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.run.RunLoggingListener;
import com.successpilot.run.RunProgress;

/**
 * The nightly job: the feeds of {@code batch-jobs/nightly-job.yml} first, then the steps
 * that judge accounts and deliver tasks.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	// steps 1..n: one import step per feed, in the order the job definition lists them
	// then: accountMetricsStep (facts per account) and accountJudgementStep (rules →
	// tasks, health), attentionStep (what reaches each CSM within their budget),
	// mailComposeStep (digests and urgent mails to CSMs), surgeGuardStep (a night far
	// above the nights before is held for review: its mails wait) and mailDeliveryStep

	@Bean
	Job nightlyJob(JobRepository jobRepository, FeedImportSteps feedImportSteps, ImportDefinition importDefinition,
			MetricsSteps metricsSteps, JudgementSteps judgementSteps, MailSteps mailSteps,
			AttentionSteps attentionSteps, AccountTotals totals) {
		List<Step> steps = feedImportSteps.steps(importDefinition);
		SimpleJobBuilder job = new JobBuilder("nightlyJob", jobRepository).listener(new RunLoggingListener())
			.start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		job.next(RunProgress.counting(metricsSteps.accountMetricsStep(), totals.allAccounts()));
		job.next(RunProgress.counting(judgementSteps.accountJudgementStep("accountJudgementStep", -1),
				totals.accountsToJudge(-1)));
		job.next(attentionSteps.attentionStep());
		job.next(mailSteps.mailComposeStep());
		job.next(attentionSteps.surgeGuardStep());
		job.next(mailSteps.mailDeliveryStep());
		return job.build();
	}

}
