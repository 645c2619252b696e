package com.successpilot.ingest.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * What {@code sources test} does for one feed: connects, runs the query for the night's
 * window with at most a few rows ({@link java.sql.Statement#setMaxRows}, the portable
 * {@code LIMIT}), checks the result's columns against the mapping and each sample row
 * against the same checks an import makes — and writes nothing.
 */
public final class SourceSampler {

	private final JdbcTemplate jdbc;

	private final SourceWatermarks watermarks;

	private final SourceConnections connections;

	private final Supplier<ThresholdCatalogue> catalogues;

	public SourceSampler(JdbcTemplate jdbc, SourceWatermarks watermarks, SourceConnections connections,
			Supplier<ThresholdCatalogue> catalogues) {
		this.jdbc = jdbc;
		this.watermarks = watermarks;
		this.connections = connections;
		this.catalogues = catalogues;
	}

	/**
	 * Samples a feed's source.
	 * @param limit the most rows to fetch
	 */
	public Sample sample(FeedDefinition feed, LocalDate businessDate, int limit) {
		FeedTarget target = FeedTargets.find(feed.target());
		LocalDateTime since = this.watermarks.since(feed, businessDate);
		LocalDateTime until = SourceQuery.until(businessDate);
		List<String> problems = new ArrayList<>();
		List<SampleRow> rows = new ArrayList<>();
		long started = System.nanoTime();
		try (Connection connection = this.connections.open(feed.source().dataSource())) {
			long connected = System.nanoTime();
			SourceRowReader.prepareConnection(connection);
			try (PreparedStatement statement = SourceQuery.prepare(connection, feed.source(), since, businessDate,
					limit); ResultSet result = statement.executeQuery()) {
				SourceColumns columns = new SourceColumns(feed, target);
				List<String> columnProblems = columns.problems(result.getMetaData());
				if (!columnProblems.isEmpty()) {
					columnProblems.forEach((problem) -> problems.add("the query " + problem));
					return new Sample(feed, since, until, ms(started, connected), rows, problems);
				}
				JdbcReferences references = new JdbcReferences(this.jdbc);
				references.open(new ExecutionContext());
				FeedRowValidator validator = new FeedRowValidator(target, references, feed, this.catalogues);
				validator.forNight(businessDate);
				long number = 0;
				while (result.next() && number < limit) {
					number++;
					SourceColumns.Row row = columns.row(result, number);
					FeedOutcome outcome = validator
						.process(new FeedRecord(null, number, row.raw(), row.values(), row.metrics(), row.malformed()));
					rows.add(new SampleRow(number, row.raw(), outcome.rejection(), outcome.warning()));
					if (outcome.isRejected()) {
						problems.add("row " + number + " would be rejected: " + outcome.rejection());
					}
				}
				connection.rollback();
				return new Sample(feed, since, until, ms(started, connected), rows, problems);
			}
			catch (SQLException ex) {
				problems.add("the query failed: " + SourceConnections.clean(ex.getMessage(), null));
				return new Sample(feed, since, until, ms(started, connected), rows, problems);
			}
		}
		catch (SourceException ex) {
			problems.add(ex.getMessage());
		}
		catch (SQLException ex) {
			problems.add("closing the connection failed: " + SourceConnections.clean(ex.getMessage(), null));
		}
		return new Sample(feed, since, until, -1, rows, problems);
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	/**
	 * What sampling a feed's source found.
	 *
	 * @param connectMillis how long connecting took, -1 when it failed
	 * @param problems what stops the feed, or would reject its rows; empty when none
	 */
	public record Sample(FeedDefinition feed, LocalDateTime since, LocalDateTime until, long connectMillis,
			List<SampleRow> rows, List<String> problems) {

	}

	/**
	 * One sample row: as the reject report would show it, and what the import would do.
	 *
	 * @param rejection why it would be rejected, or {@code null}
	 * @param warning what it would be imported with a warning for, or {@code null}
	 */
	public record SampleRow(long number, String raw, String rejection, String warning) {

	}

}
