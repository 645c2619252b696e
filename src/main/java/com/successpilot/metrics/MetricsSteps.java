package com.successpilot.metrics;

import java.time.LocalDate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.metrics.internal.AccountCaseQueries;
import com.successpilot.metrics.internal.AccountCaseReader;
import com.successpilot.metrics.internal.AccountFactsRepository;

/**
 * The metrics step and the reader that hands its results to the rules.
 */
@Component
public class MetricsSteps {

	private static final Log logger = LogFactory.getLog(MetricsSteps.class);

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final AccountFactsRepository facts;

	private final AccountCaseQueries queries;

	MetricsSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AccountFactsRepository facts, AccountCaseQueries queries) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.facts = facts;
		this.queries = queries;
	}

	/**
	 * {@code accountMetricsStep}: computes the facts of every account for the run's
	 * business date, in one transaction (re-running it replaces them).
	 */
	public Step accountMetricsStep() {
		return new StepBuilder("accountMetricsStep", this.jobRepository).tasklet((contribution, context) -> {
			LocalDate runDate = context.getStepContext()
				.getStepExecution()
				.getJobParameters()
				.getLocalDate(FeedImportSteps.BUSINESS_DATE, LocalDate.now());
			int accounts = this.facts.compute(runDate);
			contribution.incrementWriteCount(accounts);
			logger.info("Computed the facts of " + accounts + " accounts for " + runDate);
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
	}

	/**
	 * A reader of the run date's accounts, a page at a time.
	 * @param renewalWithinDays only accounts renewing within this many days, or -1 for
	 * all
	 */
	public AccountCaseReader accountCaseReader(LocalDate runDate, int pageSize, int renewalWithinDays) {
		return new AccountCaseReader(this.queries, runDate, pageSize, renewalWithinDays);
	}

}
