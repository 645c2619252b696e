package com.successpilot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.successpilot.ingest.ImportDefinition;

/**
 * A test's feed inbox: drops CSV files the way an upstream system would, one new file per
 * call, and empties the inbox between tests.
 */
public final class TestInbox {

	private final ImportDefinition definition;

	public TestInbox(ImportDefinition definition) {
		this.definition = definition;
	}

	/**
	 * Writes a new UTF-8 file into the feed's folder.
	 * @param header the CSV header line, without a line break
	 * @param rows the data rows, each ending with a line break
	 */
	public Path drop(String feed, String header, String rows) {
		try {
			Path folder = this.definition.inbox().resolve(feed);
			Files.createDirectories(folder);
			return Files.writeString(folder.resolve(feed + "-" + System.nanoTime() + ".csv"), header + "\n" + rows,
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void empty() {
		if (!Files.exists(this.definition.inbox())) {
			return;
		}
		try (Stream<Path> paths = Files.walk(this.definition.inbox())) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
