package com.successpilot.jobs;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.attention.AttentionSteps;
import com.successpilot.ingest.BatchJobsProperties;
import com.successpilot.judgement.JudgementSteps;
import com.successpilot.mail.MailSteps;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.run.JobFiles;
import com.successpilot.run.RunLoggingListener;
import com.successpilot.run.RunProgress;

/**
 * The run before renewals ({@code batch-jobs/renewal-job.yml}): judges only the accounts
 * whose renewal is within {@code renewal-window-days}, on its own schedule. It imports
 * nothing: it works on what the nightly run last imported.
 */
@Configuration(proxyBeanMethods = false)
class RenewalJobConfiguration {

	/** The job definition declaring the renewal window and the schedule. */
	static final String RENEWAL_JOB_FILE = "renewal-job.yml";

	// step 1: accountMetricsStep, the facts of every account for the business date (one
	// set-based statement per partition, cheap next to judging)
	// step 2: renewalJudgementStep, the rules for the accounts renewing within the window
	// only; tasks of other accounts are neither raised nor auto-closed
	// step 3: attentionStep, the CSMs' budgets, as in the nightly run
	// step 4, 5, 6: mailComposeStep, surgeGuardStep and mailDeliveryStep, as in the
	// nightly run

	@Bean
	Job renewalJob(JobRepository jobRepository, BatchJobsProperties batchJobs, MetricsSteps metricsSteps,
			JudgementSteps judgementSteps, MailSteps mailSteps, AttentionSteps attentionSteps, AccountTotals totals) {
		int windowDays = renewalWindowDays(Path.of(batchJobs.dir()).resolve(RENEWAL_JOB_FILE));
		return new JobBuilder("renewalJob", jobRepository).listener(new RunLoggingListener())
			.start(RunProgress.counting(metricsSteps.accountMetricsStep(), totals.allAccounts()))
			.next(RunProgress.counting(judgementSteps.accountJudgementStep("renewalJudgementStep", windowDays),
					totals.accountsToJudge(windowDays)))
			.next(attentionSteps.attentionStep())
			.next(mailSteps.mailComposeStep())
			.next(attentionSteps.surgeGuardStep())
			.next(mailSteps.mailDeliveryStep())
			.build();
	}

	static int renewalWindowDays(Path jobFile) {
		return JobFiles.wholeNumber(JobFiles.read(jobFile), "renewal-window-days", 1, jobFile);
	}

}
