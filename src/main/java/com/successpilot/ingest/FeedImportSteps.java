package com.successpilot.ingest;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.ingest.internal.FeedStepFactory;
import com.successpilot.ingest.internal.ImportLedger;
import com.successpilot.ingest.internal.SourceConnections;
import com.successpilot.ingest.internal.SourceWatermarks;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.ThresholdCatalogue;

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
			ImportLedger ledger, AgreedThresholds agreedThresholds, LiveRuleSet rules, SourceWatermarks watermarks) {
		this.factory = new FeedStepFactory(jobRepository, transactionManager, jdbc, ledger, agreedThresholds,
				() -> catalogue(rules), watermarks, SourceConnections.ofSystem());
	}

	/**
	 * The catalogue of the set in force. Without a valid set (the run's preflight refuses
	 * to start then) nothing is checked.
	 */
	private static ThresholdCatalogue catalogue(LiveRuleSet rules) {
		try {
			return rules.current().thresholds();
		}
		catch (InvalidRuleSetException ex) {
			return ThresholdCatalogue.absent();
		}
	}

	/**
	 * The business date of a run. Every run has one (the launcher sets it, from
	 * {@code --date} or the clock's today), so a step never guesses it from the time it
	 * happens to run at.
	 * @throws IllegalStateException for a job started without it
	 */
	public static LocalDate businessDate(JobParameters parameters) {
		LocalDate date = parameters.getLocalDate(BUSINESS_DATE);
		if (date == null) {
			throw new IllegalStateException("The run has no job parameter '" + BUSINESS_DATE
					+ "': runs start through RunLauncher, which sets it");
		}
		return date;
	}

	public List<Step> steps(ImportDefinition definition) {
		return definition.feeds().stream().map((feed) -> this.factory.step(definition, feed)).toList();
	}

}
