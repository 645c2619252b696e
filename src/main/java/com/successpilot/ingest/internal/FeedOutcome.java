package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What checking a row decided: its column values to upsert (perhaps with a warning), its
 * key to remove, why it was rejected, or that it repeats an earlier row of its file
 * exactly.
 */
record FeedOutcome(FeedRecord record, Map<String, Object> columns, Map<String, BigDecimal> metrics, String rejection,
		String warning, boolean removal) {

	static FeedOutcome accepted(FeedRecord record, Map<String, Object> columns, Map<String, BigDecimal> metrics,
			String warning) {
		return new FeedOutcome(record, columns, metrics, null, warning, false);
	}

	/**
	 * A row asking to remove what its key names.
	 * @param key the key columns' values
	 */
	static FeedOutcome removal(FeedRecord record, Map<String, Object> key) {
		return new FeedOutcome(record, key, Map.of(), null, null, true);
	}

	static FeedOutcome rejected(FeedRecord record, String reason) {
		return new FeedOutcome(record, null, Map.of(), reason, null, false);
	}

	static FeedOutcome duplicate(FeedRecord record) {
		return new FeedOutcome(record, null, Map.of(), null, null, false);
	}

	boolean isRejected() {
		return this.rejection != null;
	}

	boolean isDuplicate() {
		return this.rejection == null && this.record.isDuplicate();
	}

}
