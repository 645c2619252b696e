package com.successpilot.ingest.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.successpilot.system.ColumnText;

/**
 * The import ledger: one row per feed file (by feed, name and content checksum) with its
 * counts and status, and one row per rejected line. Registration and status changes
 * commit on their own; counts and rejections are written inside the chunk transaction of
 * the rows they describe.
 */
@Repository
public class ImportLedger {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ImportLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Records that a file is being imported by this job execution.
	 * @param fresh {@code true} when the file is read from its first row, which clears
	 * the counts and rejections of an earlier import of the same content
	 * @return the ledger id
	 */
	long register(String feed, String fileName, String checksum, long size, long jobExecutionId, boolean fresh) {
		Long id = this.ownTransaction.execute((status) -> {
			List<Long> existing = this.jdbc.queryForList(
					"SELECT id FROM import_files WHERE feed = ? AND file_name = ? AND checksum = ?", Long.class, feed,
					fileName, checksum);
			Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
			if (existing.isEmpty()) {
				this.jdbc.update(
						"INSERT INTO import_files (feed, file_name, checksum, size_bytes, status, "
								+ "job_execution_id, started_at) VALUES (?, ?, ?, ?, 'IMPORTING', ?, ?)",
						feed, fileName, checksum, size, jobExecutionId, now);
				return this.jdbc.queryForObject(
						"SELECT id FROM import_files WHERE feed = ? AND file_name = ? AND checksum = ?", Long.class,
						feed, fileName, checksum);
			}
			long fileId = existing.get(0);
			this.jdbc.update("UPDATE import_files SET status = 'IMPORTING', job_execution_id = ?, started_at = ?, "
					+ "finished_at = NULL, failure = NULL WHERE id = ?", jobExecutionId, now, fileId);
			if (fresh) {
				this.jdbc.update("DELETE FROM import_rejections WHERE import_file_id = ?", fileId);
				this.jdbc.update("UPDATE import_files SET rows_read = 0, rows_imported = 0, rows_rejected = 0, "
						+ "rows_duplicate = 0, rows_warned = 0 WHERE id = ?", fileId);
			}
			return fileId;
		});
		return id;
	}

	/**
	 * Adds a chunk's counts; runs in the chunk's transaction.
	 */
	void count(long fileId, long read, long imported, long rejected, long duplicates, long warned) {
		this.jdbc.update("UPDATE import_files SET rows_read = rows_read + ?, rows_imported = rows_imported + ?, "
				+ "rows_rejected = rows_rejected + ?, rows_duplicate = rows_duplicate + ?, rows_warned = rows_warned + ? "
				+ "WHERE id = ?", read, imported, rejected, duplicates, warned, fileId);
	}

	/**
	 * Records a file in a feed's inbox that no feed reads (a name the feed's glob does
	 * not match, a folder no feed has), so the run summary says so; it stays where it is.
	 */
	void unmatched(String folder, String fileName, String checksum, long size, long jobExecutionId, String note) {
		this.ownTransaction.executeWithoutResult((status) -> {
			Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
			int updated = this.jdbc.update(
					"UPDATE import_files SET status = 'UNMATCHED', job_execution_id = ?, started_at = ?, "
							+ "finished_at = ?, failure = ? WHERE feed = ? AND file_name = ? AND checksum = ?",
					jobExecutionId, now, now, ColumnText.fit(note, 2000), folder, fileName, checksum);
			if (updated == 0) {
				this.jdbc.update("INSERT INTO import_files (feed, file_name, checksum, size_bytes, status, "
						+ "job_execution_id, started_at, finished_at, failure) VALUES (?, ?, ?, ?, 'UNMATCHED', ?, ?, ?, ?)",
						folder, fileName, checksum, size, jobExecutionId, now, now, ColumnText.fit(note, 2000));
			}
		});
	}

	/**
	 * Records rejected rows; runs in the chunk's transaction. A row rejected again (the
	 * same line of the same file) replaces its earlier record.
	 */
	void reject(List<FeedOutcome> rejected) {
		this.jdbc.batchUpdate("INSERT INTO import_rejections (import_file_id, line_number, raw_line, reason) "
				+ "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE raw_line = VALUES(raw_line), reason = VALUES(reason)",
				rejected, rejected.size(), (statement, outcome) -> {
					statement.setLong(1, outcome.record().file().ledgerId());
					statement.setLong(2, outcome.record().lineNumber());
					// already cut to Excerpt.LINE by the reader
					statement.setString(3, outcome.record().raw());
					statement.setString(4, ColumnText.fit(outcome.rejection(), 1000));
				});
	}

	void finish(Collection<Long> fileIds, ImportStatus status, String failure) {
		if (fileIds.isEmpty()) {
			return;
		}
		this.ownTransaction.executeWithoutResult((tx) -> this.named.update(
				"UPDATE import_files SET status = :status, failure = :failure, finished_at = :now WHERE id IN (:ids)",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("status", status.name())
					.addValue("failure", ColumnText.fit(failure, 2000))
					.addValue("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
					.addValue("ids", fileIds)));
	}

	List<ImportedFileCounts> counts(Collection<Long> fileIds) {
		if (fileIds.isEmpty()) {
			return List.of();
		}
		return this.named.query(
				"SELECT id, feed, file_name, status, rows_read, rows_imported, rows_rejected, rows_duplicate, rows_warned "
						+ "FROM import_files WHERE id IN (:ids) ORDER BY id",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("ids", fileIds),
				(rs, row) -> new ImportedFileCounts(rs.getLong("id"), rs.getString("feed"), rs.getString("file_name"),
						rs.getString("status"), rs.getLong("rows_read"), rs.getLong("rows_imported"),
						rs.getLong("rows_rejected"), rs.getLong("rows_duplicate"), rs.getLong("rows_warned")));
	}

	List<Rejection> rejections(long fileId) {
		return this.jdbc.query(
				"SELECT line_number, raw_line, reason FROM import_rejections WHERE import_file_id = ? ORDER BY line_number",
				(rs, row) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)), fileId);
	}

	record ImportedFileCounts(long id, String feed, String fileName, String status, long read, long imported,
			long rejected, long duplicates, long warned) {

	}

	record Rejection(long lineNumber, String raw, String reason) {

	}

}
