package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What checking a row decided: its column values to upsert (perhaps with a warning), why
 * it was rejected, or that it repeats an earlier row of its file exactly.
 */
record FeedOutcome(FeedRecord record, Map<String, Object> columns, Map<String, BigDecimal> metrics, String rejection,
		String warning) {

	static FeedOutcome accepted(FeedRecord record, Map<String, Object> columns, Map<String, BigDecimal> metrics,
			String warning) {
		return new FeedOutcome(record, columns, metrics, null, warning);
	}

	static FeedOutcome rejected(FeedRecord record, String reason) {
		return new FeedOutcome(record, null, Map.of(), reason, null);
	}

	static FeedOutcome duplicate(FeedRecord record) {
		return new FeedOutcome(record, null, Map.of(), null, null);
	}

	boolean isRejected() {
		return this.rejection != null;
	}

	boolean isDuplicate() {
		return this.rejection == null && this.record.isDuplicate();
	}

}
