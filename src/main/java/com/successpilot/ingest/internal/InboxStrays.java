package com.successpilot.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.system.ColumnText;
import com.successpilot.system.NearestName;

/**
 * Finds what lies in the inbox outside every feed's folder — a file dropped into the
 * inbox itself, a folder named after no feed ({@code NPS/}, {@code tickets-old/}) — and
 * says so on the run (log and run summary) instead of leaving it unread without a word.
 * Files a feed's own glob does not match are {@link FeedFileReader}'s to report.
 */
final class InboxStrays implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(InboxStrays.class);

	private final ImportDefinition definition;

	private final ImportLedger ledger;

	InboxStrays(ImportDefinition definition, ImportLedger ledger) {
		this.definition = definition;
		this.ledger = ledger;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Path inbox = this.definition.inbox();
		if (!Files.isDirectory(inbox)) {
			return;
		}
		List<String> feeds = this.definition.feeds().stream().map(FeedDefinition::name).toList();
		for (Path entry : list(inbox)) {
			String name = entry.getFileName().toString();
			if (Files.isRegularFile(entry)) {
				report(stepExecution, "(inbox)", entry, "is in the inbox itself: feed files go into a feed's folder, "
						+ inbox + "/<feed>/ (the feeds are " + feeds + ")");
			}
			else if (Files.isDirectory(entry) && !feeds.contains(name)) {
				for (Path file : list(entry)) {
					if (Files.isRegularFile(file)) {
						report(stepExecution, name, file,
								"is in a folder no feed reads" + NearestName.suggestion(name, feeds)
										+ " (the feeds are " + feeds + "); it was not imported and stays where it is");
					}
				}
			}
		}
	}

	private void report(StepExecution stepExecution, String folder, Path file, String note) {
		String shown = Excerpt.of(folder) + "/" + Excerpt.of(file.getFileName().toString());
		logger.warn(shown + " " + note);
		try {
			this.ledger.unmatched(ColumnText.fit(folder, 40), ColumnText.fit(file.getFileName().toString(), 255),
					checksum(file), Files.size(file), stepExecution.getJobExecutionId(), note);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> list(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
	}

	static String checksum(Path path) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path),
				MessageDigest.getInstance("SHA-256"))) {
			byte[] buffer = new byte[1 << 16];
			while (in.read(buffer) != -1) {
				// reading feeds the digest
			}
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
