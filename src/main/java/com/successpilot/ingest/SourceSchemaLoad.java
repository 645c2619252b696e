package com.successpilot.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import org.springframework.stereotype.Component;

import com.successpilot.ingest.FeedSource.OnFailure;
import com.successpilot.ingest.internal.SourceConnections;

/**
 * Puts the feed files of an inbox into a PostgreSQL schema — one table per feed, the
 * files' columns as text plus an {@code updated_at} — and gives the job definition that
 * pulls every feed from there instead. What {@code demo --source=postgres} and
 * {@code benchmark --source=postgres} stand on; the nightly path never calls it.
 * <p>
 * The rows are copied with PostgreSQL's {@code COPY … FROM STDIN}; the files are deleted
 * from the inbox once copied, so nothing reads them twice.
 */
@Component
public class SourceSchemaLoad {

	/** The schema the tables are (re)created in. */
	public static final String SCHEMA = "successpilot_demo";

	/** The data source name feeds refer to. */
	public static final String DATA_SOURCE = "demo-postgres";

	/**
	 * Copies each feed's files into its table and returns the definition pulling from
	 * there.
	 * @param url the PostgreSQL database (e.g.
	 * {@code jdbc:postgresql://127.0.0.1:5432/postgres})
	 * @param updatedAt the {@code updated_at} every copied row gets: inside the window of
	 * the night that pulls them
	 */
	public Loaded load(ImportDefinition files, String url, String user, LocalDateTime updatedAt) {
		SourceDataSource dataSource = new SourceDataSource(DATA_SOURCE, url, user,
				(System.getenv("PGPASSWORD") != null) ? "PGPASSWORD" : null, null, Path.of("drivers"));
		List<FeedDefinition> feeds = new ArrayList<>();
		List<String> tables = new ArrayList<>();
		long rows = 0;
		long started = System.nanoTime();
		try (Connection connection = SourceConnections.ofSystem().open(dataSource)) {
			connection.setAutoCommit(false);
			CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
			execute(connection, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
			for (FeedDefinition feed : files.feeds()) {
				String table = SCHEMA + "." + feed.name().replace('-', '_');
				List<Path> feedFiles = filesOf(files.inboxOf(feed));
				List<String> header = feedFiles.isEmpty() ? headerOf(feed) : header(feedFiles.get(0));
				execute(connection, "CREATE TABLE " + table + " (" + String.join(" text, ", quoted(header))
						+ " text, updated_at timestamp(6) NOT NULL DEFAULT '" + updatedAt + "')");
				for (Path file : feedFiles) {
					try (Reader in = Files.newBufferedReader(file, feed.encoding())) {
						rows += copy.copyIn("COPY " + table + " (" + String.join(", ", quoted(header))
								+ ") FROM STDIN WITH (FORMAT csv, HEADER true)", in);
					}
					Files.delete(file);
				}
				connection.commit();
				execute(connection, "ANALYZE " + table);
				tables.add(table);
				feeds.add(feed.withSource(new FeedSource(dataSource,
						"SELECT * FROM " + table + " WHERE updated_at > :since AND updated_at < :until", "updated_at",
						LocalDate.of(1970, 1, 1).atStartOfDay(), 5000, OnFailure.STOP)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot load the feed files into " + dataSource.printableUrl() + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ImportDefinition pulling = new ImportDefinition(files.source(), files.inbox(), files.archive(),
				files.maxRejectedRatio(), files.chunkSize(), List.copyOf(feeds));
		return new Loaded(pulling, tables, rows, (System.nanoTime() - started) / 1e9);
	}

	private static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		connection.commit();
	}

	private static List<String> quoted(List<String> columns) {
		return columns.stream().map((column) -> "\"" + column.replace("\"", "\"\"") + "\"").toList();
	}

	/**
	 * A file's header in lower case, the names the feed's columns are matched with.
	 */
	private static List<String> header(Path file) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file)) {
			String line = in.readLine();
			String first = (line != null && line.startsWith("\uFEFF")) ? line.substring(1) : line;
			return (first == null) ? List.of()
					: Stream.of(first.split(",", -1)).map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
		}
	}

	/**
	 * The columns a feed maps, for a feed without a file (its table stays empty).
	 */
	private static List<String> headerOf(FeedDefinition feed) {
		return Stream.concat(feed.columns().values().stream(), feed.metrics().stream())
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	private static List<Path> filesOf(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
		}
	}

	/**
	 * What was loaded.
	 *
	 * @param definition the job definition pulling every feed from the schema
	 * @param tables the tables created, in import order
	 * @param rows the rows copied
	 * @param seconds how long it took
	 */
	public record Loaded(ImportDefinition definition, List<String> tables, long rows, double seconds) {

	}

}
