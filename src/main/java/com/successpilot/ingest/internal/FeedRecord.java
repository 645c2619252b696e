package com.successpilot.ingest.internal;

import java.util.Map;

/**
 * One data row of a feed file, its values keyed by field name as mapped in
 * {@code batch-jobs/}.
 *
 * @param file the file it came from
 * @param lineNumber the line it starts on (1 is the header)
 * @param raw the row as written
 * @param values field name → raw text (stripped of Unicode white space at both ends;
 * control characters are kept, to be rejected)
 * @param metrics named metric → raw text, for feeds that carry further metrics
 * @param malformed why the row is rejected before its fields are even read (cannot be
 * split into fields, its key conflicts with another row of the file), or {@code null}
 * @param duplicateOf the earlier line of the same file this row repeats exactly, or 0
 */
record FeedRecord(ImportedFile file, long lineNumber, String raw, Map<String, String> values,
		Map<String, String> metrics, String malformed, long duplicateOf) {

	FeedRecord(ImportedFile file, long lineNumber, String raw, Map<String, String> values, Map<String, String> metrics,
			String malformed) {
		this(file, lineNumber, raw, values, metrics, malformed, 0);
	}

	boolean isDuplicate() {
		return this.duplicateOf > 0;
	}

}
