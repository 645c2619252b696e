package com.successpilot.ingest.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes reject files beside feed files and moves imported files to the archive.
 */
final class FeedFileArchiver {

	private FeedFileArchiver() {
	}

	/**
	 * Writes {@code <file>.rejected.csv} beside the feed file: one row per rejected line
	 * with file, line, reason and the raw line. Rewritten whole from the ledger, so a
	 * restart never repeats a line.
	 * @return the reject file, or {@code null} when nothing was rejected (and any stale
	 * reject file removed)
	 */
	static Path writeRejectFile(Path feedFile, List<ImportLedger.Rejection> rejections) {
		Path rejectFile = feedFile.resolveSibling(feedFile.getFileName() + FeedFileReader.REJECT_SUFFIX);
		try {
			if (rejections.isEmpty()) {
				Files.deleteIfExists(rejectFile);
				return null;
			}
			try (BufferedWriter out = Files.newBufferedWriter(rejectFile, StandardCharsets.UTF_8)) {
				out.write("file,line,reason,raw_line\n");
				String fileName = feedFile.getFileName().toString();
				for (ImportLedger.Rejection rejection : rejections) {
					out.write(quote(fileName) + "," + rejection.lineNumber() + "," + quote(rejection.reason()) + ","
							+ quote(rejection.raw()) + "\n");
				}
			}
			return rejectFile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the reject file " + rejectFile, ex);
		}
	}

	/**
	 * Moves a file (and its reject file, if any) into the archive folder, keeping an
	 * earlier archived file of the same name by numbering the newcomer.
	 * @return where the file now is
	 */
	static Path archive(Path feedFile, Path archiveFolder) {
		try {
			Files.createDirectories(archiveFolder);
			Path target = freeName(archiveFolder, feedFile.getFileName().toString());
			Path rejectFile = feedFile.resolveSibling(feedFile.getFileName() + FeedFileReader.REJECT_SUFFIX);
			if (Files.exists(rejectFile)) {
				Files.move(rejectFile, target.resolveSibling(target.getFileName() + FeedFileReader.REJECT_SUFFIX),
						StandardCopyOption.REPLACE_EXISTING);
			}
			return Files.move(feedFile, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot archive " + feedFile + " to " + archiveFolder, ex);
		}
	}

	private static Path freeName(Path folder, String fileName) {
		Path candidate = folder.resolve(fileName);
		for (int n = 1; Files.exists(candidate); n++) {
			candidate = folder.resolve(fileName + "." + n);
		}
		return candidate;
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
