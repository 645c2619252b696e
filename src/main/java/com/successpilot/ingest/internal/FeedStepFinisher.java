package com.successpilot.ingest.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;

/**
 * Closes a feed step: writes reject files, judges the rejection ratio, and either
 * archives the files or fails the step with a message saying what to fix.
 */
final class FeedStepFinisher implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(FeedStepFinisher.class);

	private final ImportDefinition definition;

	private final FeedDefinition feed;

	private final FeedFileReader reader;

	private final ImportLedger ledger;

	FeedStepFinisher(ImportDefinition definition, FeedDefinition feed, FeedFileReader reader, ImportLedger ledger) {
		this.definition = definition;
		this.feed = feed;
		this.reader = reader;
		this.ledger = ledger;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		List<Long> fileIds = this.reader.ledgerIds();
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			String failure = stepExecution.getFailureExceptions()
				.stream()
				.map(Throwable::getMessage)
				.collect(Collectors.joining("; "));
			this.ledger.finish(fileIds, ImportStatus.FAILED, failure);
			return null;
		}
		List<ImportLedger.ImportedFileCounts> counts = this.ledger.counts(fileIds);
		long read = counts.stream().mapToLong(ImportLedger.ImportedFileCounts::read).sum();
		long rejected = counts.stream().mapToLong(ImportLedger.ImportedFileCounts::rejected).sum();
		Path inbox = this.definition.inboxOf(this.feed);
		for (ImportLedger.ImportedFileCounts file : counts) {
			FeedFileArchiver.writeRejectFile(inbox.resolve(file.fileName()), this.ledger.rejections(file.id()));
		}
		double ratio = (read == 0) ? 0 : (double) rejected / read;
		if (ratio > this.definition.maxRejectedRatio()) {
			String message = String.format(Locale.ROOT,
					"%s: %d of %d rows rejected (%.1f %%), above the limit of %.1f %% set in %s. "
							+ "The rows that passed are imported; the files stay in %s with a .rejected.csv beside "
							+ "each saying line by line what is wrong. Fix them and run again.",
					this.feed.name(), rejected, read, ratio * 100, this.definition.maxRejectedRatio() * 100,
					this.definition.source(), inbox);
			this.ledger.finish(fileIds, ImportStatus.TOO_MANY_REJECTED, message);
			logger.error(message);
			stepExecution.setStatus(BatchStatus.FAILED);
			return new ExitStatus(ExitStatus.FAILED.getExitCode(), message);
		}
		Path archive = this.definition.archive()
			.resolve(this.feed.name())
			.resolve(businessDate(stepExecution).toString());
		for (ImportLedger.ImportedFileCounts file : counts) {
			Path feedFile = inbox.resolve(file.fileName());
			if (feedFile.toFile().exists()) {
				FeedFileArchiver.archive(feedFile, archive);
			}
			if (file.read() == 0) {
				this.ledger.finish(List.of(file.id()), ImportStatus.EMPTY,
						"the file had no rows: nothing imported, the feed went on (a warning; set required: true "
								+ "in " + this.definition.source() + " to fail instead)");
			}
			else {
				this.ledger.finish(List.of(file.id()), ImportStatus.IMPORTED, notes(file));
			}
		}
		return null;
	}

	/**
	 * What an operator should know about a file that imported: rows warned about, rows
	 * repeated; {@code null} when nothing.
	 */
	private static String notes(ImportLedger.ImportedFileCounts file) {
		List<String> notes = new java.util.ArrayList<>();
		if (file.warned() > 0) {
			notes.add(file.warned() + ((file.warned() == 1) ? " row" : " rows")
					+ " imported with a warning (listed in the log with line and reason)");
		}
		if (file.duplicates() > 0) {
			notes.add(file.duplicates() + ((file.duplicates() == 1) ? " row repeats" : " rows repeat")
					+ " an earlier row exactly and " + ((file.duplicates() == 1) ? "was" : "were") + " counted once");
		}
		return notes.isEmpty() ? null : String.join("; ", notes);
	}

	private static LocalDate businessDate(StepExecution stepExecution) {
		return FeedImportSteps.businessDate(stepExecution.getJobParameters());
	}

}
