package com.successpilot.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.FeedSource.OnFailure;

/**
 * Reads one feed's rows from its SQL source as {@link FeedRecord}s, for the same
 * validator and writer as a file: runs the query for the night's window (streamed,
 * {@code fetch-size} rows per round trip), registers the pull in the import ledger like a
 * file ({@code <data source>-<business date>}), and keeps the largest watermark value
 * read, for {@link SourceStepFinisher} to store once the step completes.
 * <p>
 * A restart reads the window again from its first row: the same rows, upserted again, the
 * ledger's counts started afresh. When the source cannot be reached or the query fails,
 * the step fails with a message naming the data source — or, with
 * {@code on-failure: skip}, the pull ends without rows and is recorded as failed.
 */
final class SourceRowReader implements ItemStreamReader<FeedRecord>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(SourceRowReader.class);

	private final FeedDefinition feed;

	private final ImportLedger ledger;

	private final SourceWatermarks watermarks;

	private final SourceConnections connections;

	private final SourceColumns columns;

	private long jobExecutionId;

	private LocalDate businessDate;

	private LocalDateTime since;

	private LocalDateTime largest;

	private long rowsRead;

	private ImportedFile pull;

	private Connection connection;

	private PreparedStatement statement;

	private ResultSet rows;

	private String failure;

	SourceRowReader(FeedDefinition feed, FeedTarget target, ImportLedger ledger, SourceWatermarks watermarks,
			SourceConnections connections) {
		this.feed = feed;
		this.ledger = ledger;
		this.watermarks = watermarks;
		this.connections = connections;
		this.columns = new SourceColumns(feed, target);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.jobExecutionId = stepExecution.getJobExecutionId();
		this.businessDate = FeedImportSteps.businessDate(stepExecution.getJobParameters());
	}

	@Override
	public void open(ExecutionContext context) {
		this.since = this.watermarks.since(this.feed, this.businessDate);
		this.largest = null;
		this.rowsRead = 0;
		this.failure = null;
		String name = pullName(this.feed, this.businessDate);
		long ledgerId = this.ledger.register(this.feed.name(), name, checksum(), 0, this.jobExecutionId, true);
		this.pull = new ImportedFile(ledgerId, this.feed.name(), Path.of(name));
		try {
			this.connection = this.connections.open(this.feed.source().dataSource());
			prepareConnection(this.connection);
			this.statement = SourceQuery.prepare(this.connection, this.feed.source(), this.since, this.businessDate, 0);
			this.rows = this.statement.executeQuery();
			this.columns.bind(this.rows.getMetaData());
			logger.info(this.feed.name() + ": pulling from data source '" + this.feed.source().dataSource().name()
					+ "' rows after " + this.since + " up to " + SourceQuery.until(this.businessDate));
		}
		catch (SQLException ex) {
			fail(new SourceException(this.feed.source().dataSource(), "the query of feed '" + this.feed.name()
					+ "' failed: " + SourceConnections.clean(ex.getMessage(), null)));
		}
		catch (SourceException ex) {
			fail(ex);
		}
	}

	static String pullName(FeedDefinition feed, LocalDate businessDate) {
		return feed.source().dataSource().name() + "-" + businessDate;
	}

	/**
	 * PostgreSQL streams only inside a transaction; the pull only reads.
	 */
	static void prepareConnection(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		connection.setReadOnly(true);
	}

	@Override
	public FeedRecord read() {
		if (this.rows == null) {
			return null;
		}
		try {
			if (!this.rows.next()) {
				closeQuietly();
				return null;
			}
			this.rowsRead++;
			SourceColumns.Row row = this.columns.row(this.rows, this.rowsRead);
			if (row.watermark() != null && (this.largest == null || row.watermark().isAfter(this.largest))) {
				this.largest = row.watermark();
			}
			return new FeedRecord(this.pull, this.rowsRead, row.raw(), row.values(), row.metrics(), row.malformed());
		}
		catch (SQLException ex) {
			fail(new SourceException(this.feed.source().dataSource(), "reading the rows of feed '" + this.feed.name()
					+ "' failed after row " + this.rowsRead + ": " + SourceConnections.clean(ex.getMessage(), null)));
			return null;
		}
	}

	private void fail(SourceException ex) {
		closeQuietly();
		if (this.feed.source().onFailure() == OnFailure.STOP) {
			throw ex;
		}
		this.failure = ex.getMessage();
		logger.warn(this.feed.name() + " skipped for this night (on-failure: skip): " + ex.getMessage());
	}

	@Override
	public void update(ExecutionContext context) {
		// nothing to keep: a restart pulls the window again from its first row
	}

	@Override
	public void close() {
		closeQuietly();
	}

	private void closeQuietly() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.rows, this.statement, this.connection }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// only read from: nothing to lose
				}
			}
		}
		this.rows = null;
		this.statement = null;
		this.connection = null;
	}

	/**
	 * The ledger row of this pull (one per feed and night: a re-run reuses it).
	 */
	List<Long> ledgerIds() {
		return (this.pull != null) ? List.of(this.pull.ledgerId()) : List.of();
	}

	String pullName() {
		return this.pull.path().toString();
	}

	LocalDateTime since() {
		return this.since;
	}

	LocalDateTime largest() {
		return this.largest;
	}

	long rowsRead() {
		return this.rowsRead;
	}

	/**
	 * Why the pull was skipped ({@code on-failure: skip}), or {@code null}.
	 */
	String failure() {
		return this.failure;
	}

	/**
	 * The same source, query and window make the same ledger row.
	 */
	private String checksum() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String identity = this.feed.source().dataSource().name() + "\n" + this.feed.source().query() + "\n"
					+ this.since + "\n" + this.businessDate;
			return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
