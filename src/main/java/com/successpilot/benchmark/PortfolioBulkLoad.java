package com.successpilot.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.PortfolioSummary;

/**
 * {@code benchmark --load=bulk}: puts a generated portfolio into the database set-based
 * instead of through the import job, which at 1,000,000 accounts (84 M usage rows) would
 * take hours. Each feed file is loaded with {@code LOAD DATA LOCAL INFILE} into a staging
 * table (dropped once its rows are moved), then moved into its tables by
 * {@code INSERT … SELECT} statements that resolve the natural keys and convert the values
 * (see {@link BulkLoadFeeds}), in ranges of lines so no transaction grows with the
 * portfolio. Nothing passes through the JVM row by row. MySQL and MariaDB only; the
 * import ledger is not written, as nothing was imported.
 */
@Component
class PortfolioBulkLoad {

	/** Staged lines per statement: bounds each transaction's undo log. */
	static final int LINES_PER_INSERT = 500_000;

	private final JdbcTemplate jdbc;

	PortfolioBulkLoad(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Refuses before anything is generated: on a database other than MySQL or MariaDB, or
	 * when the driver or the server refuses {@code LOAD DATA LOCAL INFILE} (tried with a
	 * one-line file in the inbox).
	 * @throws IllegalStateException with the reason and what to do
	 */
	void checkSupported(Path inbox) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			String product = connection.getMetaData().getDatabaseProductName();
			String lowerCase = product.toLowerCase(Locale.ROOT);
			if (!lowerCase.contains("mysql") && !lowerCase.contains("mariadb")) {
				throw new IllegalStateException("--load=bulk needs MySQL or MariaDB (LOAD DATA LOCAL INFILE), not "
						+ product + ": use --load=import");
			}
			tryLocalInfile(connection, inbox);
			return null;
		});
	}

	/**
	 * Loads every file of the portfolio, prints the rows and time per table, then deletes
	 * the files from the inbox so a later import does not load them again.
	 */
	void load(PortfolioSummary portfolio, ImportDefinition definition, PrintStream out) {
		long started = System.nanoTime();
		List<BulkLoadReport.LoadedFeed> loaded = this.jdbc
			.execute((ConnectionCallback<List<BulkLoadReport.LoadedFeed>>) (connection) -> {
				List<BulkLoadReport.LoadedFeed> feeds = new ArrayList<>();
				for (BulkLoadFeed feed : BulkLoadFeeds.of(definition)) {
					feeds.add(load(connection, feed, fileOf(portfolio, feed)));
				}
				return feeds;
			});
		double seconds = (System.nanoTime() - started) / 1e9;
		BulkLoadReport.print(loaded, seconds, out);
		for (Path file : portfolio.files()) {
			delete(file);
		}
		out.printf("Deleted the %d generated files from the inbox (%s)%n", portfolio.files().size(), portfolio.inbox());
	}

	private BulkLoadReport.LoadedFeed load(Connection connection, BulkLoadFeed feed, Path file) throws SQLException {
		List<String> header = header(feed, file);
		try (Statement statement = connection.createStatement()) {
			statement.execute(feed.dropStagingSql());
			statement.execute(feed.createStagingSql());
			try {
				long started = System.nanoTime();
				long fileRows;
				try (PreparedStatement load = connection.prepareStatement(feed.loadSql(header))) {
					load.setString(1, file.toAbsolutePath().toString());
					fileRows = load.executeLargeUpdate();
				}
				failOnWarnings(statement, feed, file);
				double loadSeconds = (System.nanoTime() - started) / 1e9;
				long lastLine = lastLine(statement, feed);
				List<BulkLoadReport.WrittenTable> tables = new ArrayList<>();
				for (BulkLoadFeed.Insert insert : feed.inserts()) {
					BulkLoadReport.WrittenTable written = insert(connection, insert, lastLine);
					BulkLoadReport.WrittenTable previous = tables.isEmpty() ? null : tables.get(tables.size() - 1);
					if (previous != null && previous.table().equals(written.table())) {
						tables.set(tables.size() - 1, previous.and(written));
					}
					else {
						tables.add(written);
					}
				}
				return new BulkLoadReport.LoadedFeed(feed.name(), fileRows, loadSeconds, tables);
			}
			finally {
				statement.execute(feed.dropStagingSql());
			}
		}
	}

	private BulkLoadReport.WrittenTable insert(Connection connection, BulkLoadFeed.Insert insert, long lastLine)
			throws SQLException {
		long started = System.nanoTime();
		long rows = 0;
		try (PreparedStatement statement = connection.prepareStatement(insert.sql())) {
			for (long first = 1; first <= lastLine; first += LINES_PER_INSERT) {
				statement.setLong(1, first);
				statement.setLong(2, first + LINES_PER_INSERT - 1);
				rows += statement.executeLargeUpdate();
			}
		}
		return new BulkLoadReport.WrittenTable(insert.table(), rows, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * LOAD DATA LOCAL turns what would be errors (a short row, a value too long) into
	 * warnings and loads the row anyway; the bulk load must not.
	 */
	private static void failOnWarnings(Statement statement, BulkLoadFeed feed, Path file) throws SQLException {
		List<String> warnings = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("SHOW WARNINGS LIMIT 3")) {
			while (rs.next()) {
				warnings.add(rs.getString("Message"));
			}
		}
		if (!warnings.isEmpty()) {
			throw new IllegalStateException("Bulk load of the " + feed.name() + " feed stopped: " + file
					+ " does not load cleanly: " + warnings);
		}
	}

	private static long lastLine(Statement statement, BulkLoadFeed feed) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(line), 0) FROM " + feed.stagingTable())) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The file's CSV header: the staging table takes the columns in the file's order, and
	 * every column the feed's definition maps must be there.
	 */
	private static List<String> header(BulkLoadFeed feed, Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line = reader.readLine();
			List<String> header = (line != null) ? List.of(line.split(",", -1)) : List.of();
			List<String> missing = feed.header().stream().filter((column) -> !header.contains(column)).toList();
			if (!missing.isEmpty()) {
				throw new IllegalStateException(
						"Bulk load of the " + feed.name() + " feed: " + file + " lacks the column(s) " + missing
								+ " that its definition in batch-jobs/ maps (header: '" + line + "')");
			}
			return header;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

	private static Path fileOf(PortfolioSummary portfolio, BulkLoadFeed feed) {
		return portfolio.files()
			.stream()
			.filter((file) -> file.getParent().getFileName().toString().equals(feed.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The generated portfolio has no " + feed.name() + " file"));
	}

	private static void tryLocalInfile(Connection connection, Path inbox) throws SQLException {
		Path probe = null;
		try (Statement statement = connection.createStatement()) {
			Files.createDirectories(inbox);
			probe = Files.createTempFile(inbox.toAbsolutePath(), "bulk-load-check", ".txt");
			Files.writeString(probe, "1\n");
			statement.execute("DROP TEMPORARY TABLE IF EXISTS bulk_load_check");
			statement.execute("CREATE TEMPORARY TABLE bulk_load_check (value VARCHAR(10))");
			try (PreparedStatement load = connection
				.prepareStatement("LOAD DATA LOCAL INFILE ? INTO TABLE bulk_load_check")) {
				load.setString(1, probe.toString());
				load.executeUpdate();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("--load=bulk: LOAD DATA LOCAL INFILE was refused (" + ex.getMessage()
						+ "). With Connector/J add allowLoadLocalInfile=true to the JDBC URL "
						+ "(SUCCESSPILOT_DB_URL); the server must have local_infile ON (MariaDB's default, "
						+ "MySQL 8's is OFF). Or use --load=import");
			}
			finally {
				statement.execute("DROP TEMPORARY TABLE IF EXISTS bulk_load_check");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a file into the inbox " + inbox, ex);
		}
		finally {
			if (probe != null) {
				delete(probe);
			}
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + file, ex);
		}
	}

}
