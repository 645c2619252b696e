package com.successpilot.ingest.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.successpilot.ingest.FeedDefinition;

/**
 * The watermark of each feed pulled from a database ({@code source_watermarks}): the
 * largest value of its watermark column imported so far, and the night it was last pulled
 * for with the {@code :since} that pull used. A pull for a night already pulled (a
 * re-run, {@code --fresh} too) uses that night's {@code :since} again, so it pulls the
 * same rows; any later night starts where the last one ended. Written only when a feed's
 * step completes, in a transaction of its own after the step's last chunk committed.
 */
@Repository
public class SourceWatermarks {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SourceWatermarks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * The {@code :since} of a pull of {@code feed} for a night.
	 */
	public LocalDateTime since(FeedDefinition feed, LocalDate businessDate) {
		Optional<Watermark> stored = find(feed.name());
		if (stored.isEmpty() || stored.get().watermark() == null) {
			return feed.source().initialWatermark();
		}
		Watermark watermark = stored.get();
		if (businessDate.equals(watermark.pulledFor()) && watermark.pulledSince() != null) {
			return watermark.pulledSince();
		}
		return watermark.watermark();
	}

	/**
	 * Records a completed pull: the watermark moves to the largest value imported (never
	 * back), and the night remembers its {@code :since}.
	 * @param largest the largest watermark value read, or {@code null} when no row was
	 */
	void advance(FeedDefinition feed, LocalDate businessDate, LocalDateTime since, LocalDateTime largest, long rows) {
		LocalDateTime next = (largest != null && largest.isAfter(since)) ? largest : since;
		this.ownTransaction.executeWithoutResult((status) -> {
			Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
			int updated = this.jdbc.update(
					"UPDATE source_watermarks SET data_source = ?, watermark = ?, pulled_for = ?, pulled_since = ?, "
							+ "rows_pulled = ?, changed_at = ?, changed_by = 'import' WHERE feed = ?",
					feed.source().dataSource().name(), stored(next), businessDate, stored(since), rows, now,
					feed.name());
			if (updated == 0) {
				this.jdbc.update(
						"INSERT INTO source_watermarks (feed, data_source, watermark, pulled_for, pulled_since, "
								+ "rows_pulled, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'import')",
						feed.name(), feed.source().dataSource().name(), stored(next), businessDate, stored(since), rows,
						now);
			}
		});
	}

	/**
	 * Sets a feed's watermark back (or forward) so its next pull starts from
	 * {@code since}, whatever night it is for.
	 * @param by who asked, for the record
	 */
	public void reset(FeedDefinition feed, LocalDateTime since, String by) {
		this.ownTransaction.executeWithoutResult((status) -> {
			Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
			int updated = this.jdbc
				.update("UPDATE source_watermarks SET watermark = ?, pulled_for = NULL, pulled_since = NULL, "
						+ "changed_at = ?, changed_by = ? WHERE feed = ?", stored(since), now, by, feed.name());
			if (updated == 0) {
				this.jdbc.update(
						"INSERT INTO source_watermarks (feed, data_source, watermark, rows_pulled, changed_at, changed_by) "
								+ "VALUES (?, ?, ?, 0, ?, ?)",
						feed.name(), feed.source().dataSource().name(), stored(since), now, by);
			}
		});
	}

	/**
	 * A watermark as bound: as text, which H2, MySQL and MariaDB all read with its
	 * microseconds (Connector/J drops them from a timestamp sent to MariaDB).
	 */
	private static String stored(LocalDateTime value) {
		return SourceQuery.MICROSECONDS.format(value);
	}

	public Optional<Watermark> find(String feed) {
		List<Watermark> found = this.jdbc.query(
				"SELECT feed, data_source, watermark, pulled_for, pulled_since, rows_pulled, changed_at, changed_by "
						+ "FROM source_watermarks WHERE feed = ?",
				(rs, row) -> new Watermark(rs.getString(1), rs.getString(2), dateTime(rs.getTimestamp(3)),
						(rs.getDate(4) != null) ? rs.getDate(4).toLocalDate() : null, dateTime(rs.getTimestamp(5)),
						rs.getLong(6), dateTime(rs.getTimestamp(7)), rs.getString(8)),
				feed);
		return found.stream().findFirst();
	}

	private static LocalDateTime dateTime(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

	/**
	 * A feed's stored watermark.
	 *
	 * @param watermark where the next new night's pull starts ({@code :since})
	 * @param pulledFor the night last pulled, or {@code null} after a reset
	 * @param pulledSince the {@code :since} that night's pull used
	 * @param rowsPulled the rows that pull read
	 */
	public record Watermark(String feed, String dataSource, LocalDateTime watermark, LocalDate pulledFor,
			LocalDateTime pulledSince, long rowsPulled, LocalDateTime changedAt, String changedBy) {

	}

}
