package com.successpilot.ingest;

import java.util.List;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.ingest.internal.FeedStepFactory;
import com.successpilot.ingest.internal.ImportLedger;

/**
 * Builds the import steps of a job: one chunk step per feed, in the order the job
 * definition lists them ({@code csmsImportStep}, {@code accountsImportStep}, …). Jobs
 * such as the nightly job put these steps first.
 */
@Component
public class FeedImportSteps {

	/** The job parameter naming the business date a run imports for. */
	public static final String BUSINESS_DATE = "businessDate";

	private final FeedStepFactory factory;

	FeedImportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			ImportLedger ledger) {
		this.factory = new FeedStepFactory(jobRepository, transactionManager, jdbc, ledger);
	}

	public List<Step> steps(ImportDefinition definition) {
		return definition.feeds().stream().map((feed) -> this.factory.step(definition, feed)).toList();
	}

}
