package com.successpilot.portfolio.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One open writer per feed for a business date. Either all files are committed under
 * their final names or, on failure, none is left behind.
 */
final class FeedFiles implements Closeable {

	private final Map<Feed, CsvFeedWriter> writers = new EnumMap<>(Feed.class);

	private FeedFiles() {
	}

	static FeedFiles open(Path inbox, LocalDate businessDate) throws IOException {
		FeedFiles files = new FeedFiles();
		try {
			for (Feed feed : Feed.values()) {
				files.writers.put(feed, CsvFeedWriter.open(inbox, feed, businessDate));
			}
			return files;
		}
		catch (IOException | RuntimeException ex) {
			files.close();
			throw ex;
		}
	}

	CsvFeedWriter writer(Feed feed) {
		return this.writers.get(feed);
	}

	void commit() throws IOException {
		for (CsvFeedWriter writer : this.writers.values()) {
			writer.commit();
		}
	}

	List<Path> paths() {
		List<Path> paths = new ArrayList<>();
		this.writers.values().forEach((writer) -> paths.add(writer.file()));
		return paths;
	}

	Map<String, Long> rowsPerFeed() {
		Map<String, Long> rows = new LinkedHashMap<>();
		this.writers.values().forEach((writer) -> rows.put(writer.feed().feedName(), writer.rows()));
		return rows;
	}

	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (CsvFeedWriter writer : this.writers.values()) {
			try {
				writer.close();
			}
			catch (IOException ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
