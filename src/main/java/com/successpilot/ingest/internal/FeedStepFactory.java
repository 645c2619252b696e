package com.successpilot.ingest.internal;

import java.util.function.Supplier;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.ingest.AgreedThresholds;
import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * Assembles one feed's chunk step: {@link FeedFileReader} → {@link FeedRowValidator} →
 * {@link FeedOutcomeWriter}, closed by {@link FeedStepFinisher}.
 */
public final class FeedStepFactory {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final JdbcTemplate jdbc;

	private final ImportLedger ledger;

	private final AgreedThresholds agreedThresholds;

	private final Supplier<ThresholdCatalogue> catalogues;

	/**
	 * @param catalogues the threshold catalogue the threshold feeds are checked against
	 */
	public FeedStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, ImportLedger ledger, AgreedThresholds agreedThresholds,
			Supplier<ThresholdCatalogue> catalogues) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.agreedThresholds = agreedThresholds;
		this.catalogues = catalogues;
	}

	public Step step(ImportDefinition definition, FeedDefinition feed) {
		FeedTarget target = FeedTargets.find(feed.target());
		FeedFileReader reader = new FeedFileReader(feed, definition.inboxOf(feed), this.ledger, target);
		JdbcReferences references = new JdbcReferences(this.jdbc);
		FeedRowValidator validator = new FeedRowValidator(target, references, feed, this.catalogues);
		var step = new StepBuilder(feed.stepName(), this.jobRepository)
			.<FeedRecord, FeedOutcome>chunk(definition.chunkSize())
			.transactionManager(this.transactionManager)
			.reader(reader)
			.processor(validator)
			.writer(new FeedOutcomeWriter(target, new NamedParameterJdbcTemplate(this.jdbc), this.ledger,
					this.agreedThresholds))
			.stream(references)
			.listener(reader)
			.listener(validator)
			.listener(new FeedStepFinisher(definition, feed, reader, this.ledger));
		if (feed.equals(definition.feeds().get(0))) {
			// once per run: what lies in the inbox outside every feed's folder
			step.listener(new InboxStrays(definition, this.ledger));
		}
		return step.build();
	}

}
