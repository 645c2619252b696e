package com.successpilot.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.system.ColumnText;

/**
 * Closes a feed step that pulled from a SQL source, as {@link FeedStepFinisher} closes a
 * file's: writes the reject report, judges the rejection ratio — and only when the step
 * completed within it moves the feed's watermark to the largest value pulled. A failed or
 * skipped pull leaves the watermark where it was, so the next run pulls the same rows.
 */
final class SourceStepFinisher implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(SourceStepFinisher.class);

	private final ImportDefinition definition;

	private final FeedDefinition feed;

	private final SourceRowReader reader;

	private final ImportLedger ledger;

	private final SourceWatermarks watermarks;

	SourceStepFinisher(ImportDefinition definition, FeedDefinition feed, SourceRowReader reader, ImportLedger ledger,
			SourceWatermarks watermarks) {
		this.definition = definition;
		this.feed = feed;
		this.reader = reader;
		this.ledger = ledger;
		this.watermarks = watermarks;
	}

	/**
	 * Files in the folder of a feed that pulls from a database are not imported: said on
	 * the run (UNMATCHED), every run, as for a file no feed's glob matches.
	 */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		Path folder = this.definition.inboxOf(this.feed);
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter((path) -> !path.getFileName().toString().endsWith(FeedFileReader.REJECT_SUFFIX))
				.sorted()
				.toList()) {
				String note = "matches no feed: feed '" + this.feed.name() + "' pulls from data source '"
						+ this.feed.source().dataSource().name() + "' (" + this.definition.source()
						+ ") and reads no files. It was not imported and stays in " + folder;
				logger.warn(this.feed.name() + "/" + Excerpt.of(file.getFileName().toString()) + " " + note);
				this.ledger.unmatched(this.feed.name(), ColumnText.fit(file.getFileName().toString(), 255),
						InboxStrays.checksum(file), Files.size(file), stepExecution.getJobExecutionId(), note);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		List<Long> ids = this.reader.ledgerIds();
		LocalDate businessDate = FeedImportSteps.businessDate(stepExecution.getJobParameters());
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			String failure = stepExecution.getFailureExceptions()
				.stream()
				.map(Throwable::getMessage)
				.collect(Collectors.joining("; "));
			this.ledger.finish(ids, ImportStatus.FAILED, failure);
			return null;
		}
		if (this.reader.failure() != null) {
			this.ledger.finish(ids, ImportStatus.FAILED, this.reader.failure()
					+ ". The feed was skipped for this night (on-failure: skip); its watermark stays, the next run "
					+ "pulls these rows");
			return new ExitStatus("SKIPPED", this.reader.failure());
		}
		List<ImportLedger.ImportedFileCounts> counts = this.ledger.counts(ids);
		long read = counts.stream().mapToLong(ImportLedger.ImportedFileCounts::read).sum();
		long rejected = counts.stream().mapToLong(ImportLedger.ImportedFileCounts::rejected).sum();
		double ratio = (read == 0) ? 0 : (double) rejected / read;
		boolean tooMany = ratio > this.definition.maxRejectedRatio();
		Path folder = tooMany ? this.definition.inboxOf(this.feed)
				: this.definition.archive().resolve(this.feed.name()).resolve(businessDate.toString());
		for (ImportLedger.ImportedFileCounts pull : counts) {
			if (pull.rejected() > 0) {
				FeedFileArchiver.writeRejectFile(created(folder).resolve(pull.fileName()),
						this.ledger.rejections(pull.id()));
			}
		}
		if (tooMany) {
			String message = String.format(Locale.ROOT,
					"%s: %d of %d rows pulled from data source '%s' rejected (%.1f %%), above the limit of %.1f %% "
							+ "set in %s. The rows that passed are imported; the watermark stays, so the next run "
							+ "pulls the same rows. %s says row by row what is wrong: fix the rows at the source "
							+ "and run again.",
					this.feed.name(), rejected, read, this.feed.source().dataSource().name(), ratio * 100,
					this.definition.maxRejectedRatio() * 100, this.definition.source(),
					folder.resolve(this.reader.pullName() + FeedFileReader.REJECT_SUFFIX));
			this.ledger.finish(ids, ImportStatus.TOO_MANY_REJECTED, message);
			logger.error(message);
			stepExecution.setStatus(BatchStatus.FAILED);
			return new ExitStatus(ExitStatus.FAILED.getExitCode(), message);
		}
		if (read == 0 && this.feed.required()) {
			String message = this.feed.name() + ": data source '" + this.feed.source().dataSource().name()
					+ "' has no rows after " + this.reader.since() + ", and the feed is required (required: true)";
			this.ledger.finish(ids, ImportStatus.FAILED, message);
			stepExecution.setStatus(BatchStatus.FAILED);
			return new ExitStatus(ExitStatus.FAILED.getExitCode(), message);
		}
		// a report left by a failed attempt of this pull no longer says what is true
		deleteQuietly(
				this.definition.inboxOf(this.feed).resolve(this.reader.pullName() + FeedFileReader.REJECT_SUFFIX));
		this.watermarks.advance(this.feed, businessDate, this.reader.since(), this.reader.largest(), read);
		if (read == 0) {
			this.ledger.finish(ids, ImportStatus.EMPTY, "no rows after " + this.reader.since() + " in data source '"
					+ this.feed.source().dataSource().name() + "': nothing new to import");
		}
		else {
			long warned = counts.stream().mapToLong(ImportLedger.ImportedFileCounts::warned).sum();
			this.ledger.finish(ids, ImportStatus.IMPORTED,
					(warned == 0) ? null : warned + ((warned == 1) ? " row" : " rows")
							+ " imported with a warning (listed in the log with row and reason)");
		}
		return null;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Cannot delete the stale reject report " + file + ": " + ex.getMessage());
		}
	}

	private static Path created(Path folder) {
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + folder, ex);
		}
	}

}
