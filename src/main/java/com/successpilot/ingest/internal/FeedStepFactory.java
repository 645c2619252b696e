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

	private final SourceWatermarks watermarks;

	private final SourceConnections connections;

	/**
	 * @param catalogues the threshold catalogue the threshold feeds are checked against
	 * @param watermarks where feeds pulled from a database keep their watermark
	 * @param connections how those feeds connect to their data source
	 */
	public FeedStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, ImportLedger ledger, AgreedThresholds agreedThresholds,
			Supplier<ThresholdCatalogue> catalogues, SourceWatermarks watermarks, SourceConnections connections) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.agreedThresholds = agreedThresholds;
		this.catalogues = catalogues;
		this.watermarks = watermarks;
		this.connections = connections;
	}

	public Step step(ImportDefinition definition, FeedDefinition feed) {
		FeedTarget target = FeedTargets.find(feed.target());
		if (feed.isSqlSource()) {
			return sourceStep(definition, feed, target);
		}
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

	/**
	 * A feed pulled from a database: {@link SourceRowReader} in place of the file reader,
	 * the same validator and writer, closed by {@link SourceStepFinisher}.
	 */
	private Step sourceStep(ImportDefinition definition, FeedDefinition feed, FeedTarget target) {
		SourceRowReader reader = new SourceRowReader(feed, target, this.ledger, this.watermarks, this.connections);
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
			.listener(new SourceStepFinisher(definition, feed, reader, this.ledger, this.watermarks));
		if (feed.equals(definition.feeds().get(0))) {
			step.listener(new InboxStrays(definition, this.ledger));
		}
		return step.build();
	}

}
