package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.successpilot.ingest.AgreedThresholds;

/**
 * Writes a chunk in one transaction: accepted rows upserted by natural key (or, asked to,
 * their key's row removed), rejected rows recorded in the ledger, exact repeats of an
 * earlier row skipped, and each file's counts advanced.
 */
final class FeedOutcomeWriter implements ItemWriter<FeedOutcome> {

	private static final Log logger = LogFactory.getLog(FeedOutcomeWriter.class);

	/** Enough to see what is wrong without a log line per row of a large file. */
	private static final int WARNINGS_LOGGED_PER_CHUNK = 10;

	private static final String METRIC_UPSERT = "INSERT INTO " + FeedMappings.METRICS_TABLE
			+ " (account_id, usage_date, metric, metric_value) "
			+ "VALUES (:account_id, :usage_date, :metric, :metric_value) "
			+ "ON DUPLICATE KEY UPDATE metric_value = VALUES(metric_value)";

	private final FeedTarget target;

	private final NamedParameterJdbcTemplate jdbc;

	private final ImportLedger ledger;

	private final AgreedThresholds agreedThresholds;

	FeedOutcomeWriter(FeedTarget target, NamedParameterJdbcTemplate jdbc, ImportLedger ledger,
			AgreedThresholds agreedThresholds) {
		this.target = target;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.agreedThresholds = agreedThresholds;
	}

	/**
	 * Removes a value agreed with a customer, kept with the file and line that removed it
	 * (the only target whose rows may remove).
	 */
	private void remove(FeedOutcome removal) {
		Map<String, Object> key = removal.columns();
		String by = removal.record().file().displayName() + " line " + removal.record().lineNumber();
		this.agreedThresholds.remove((Long) key.get("account_id"), (String) key.get("name"), by, "feed");
	}

	@Override
	public void write(Chunk<? extends FeedOutcome> chunk) {
		List<SqlParameterSource> rows = new ArrayList<>(chunk.size());
		List<SqlParameterSource> metrics = new ArrayList<>();
		List<FeedOutcome> rejected = new ArrayList<>();
		List<FeedOutcome> removals = new ArrayList<>();
		Map<Long, long[]> countsByFile = new LinkedHashMap<>();
		int warningsLogged = 0;
		for (FeedOutcome outcome : chunk) {
			long[] counts = countsByFile.computeIfAbsent(outcome.record().file().ledgerId(), (id) -> new long[4]);
			if (outcome.isRejected()) {
				rejected.add(outcome);
				counts[1]++;
				continue;
			}
			if (outcome.isDuplicate()) {
				counts[2]++;
				continue;
			}
			if (outcome.warning() != null) {
				counts[3]++;
				if (warningsLogged++ < WARNINGS_LOGGED_PER_CHUNK) {
					logger.warn(outcome.record().file().displayName() + " line " + outcome.record().lineNumber()
							+ " imported with a warning: " + Excerpt.of(outcome.warning(), Excerpt.LINE));
				}
			}
			counts[0]++;
			if (outcome.removal()) {
				removals.add(outcome);
				continue;
			}
			rows.add(new MapSqlParameterSource(outcome.columns()));
			for (Map.Entry<String, BigDecimal> metric : outcome.metrics().entrySet()) {
				metrics.add(new MapSqlParameterSource("account_id", outcome.columns().get("account_id"))
					.addValue("usage_date", outcome.columns().get("usage_date"))
					.addValue("metric", metric.getKey())
					.addValue("metric_value", metric.getValue()));
			}
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(this.target.upsertSql(), rows.toArray(SqlParameterSource[]::new));
		}
		removals.forEach(this::remove);
		if (!metrics.isEmpty()) {
			this.jdbc.batchUpdate(METRIC_UPSERT, metrics.toArray(SqlParameterSource[]::new));
		}
		if (!rejected.isEmpty()) {
			this.ledger.reject(rejected);
		}
		if (warningsLogged > WARNINGS_LOGGED_PER_CHUNK) {
			logger.warn(
					(warningsLogged - WARNINGS_LOGGED_PER_CHUNK) + " more rows of this chunk imported with a warning");
		}
		countsByFile.forEach((fileId, counts) -> this.ledger.count(fileId, counts[0] + counts[1] + counts[2], counts[0],
				counts[1], counts[2], counts[3]));
	}

}
