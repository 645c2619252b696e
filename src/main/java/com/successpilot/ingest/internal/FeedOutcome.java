package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What checking a row decided: its column values to upsert, or why it was rejected.
 */
record FeedOutcome(FeedRecord record, Map<String, Object> columns, Map<String, BigDecimal> metrics, String rejection) {

	static FeedOutcome accepted(FeedRecord record, Map<String, Object> columns, Map<String, BigDecimal> metrics) {
		return new FeedOutcome(record, columns, metrics, null);
	}

	static FeedOutcome rejected(FeedRecord record, String reason) {
		return new FeedOutcome(record, null, Map.of(), reason);
	}

	boolean isRejected() {
		return this.rejection != null;
	}

}
