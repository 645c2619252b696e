package com.successpilot.ingest.internal;

import java.util.Map;

/**
 * One data row of a feed file, its values keyed by field name as mapped in
 * {@code batch-jobs/}.
 *
 * @param file the file it came from
 * @param lineNumber the line it starts on (1 is the header)
 * @param raw the row as written
 * @param values field name → raw text (trimmed)
 * @param metrics named metric → raw text, for feeds that carry further metrics
 * @param malformed why the row could not even be split into fields, or {@code null}
 */
record FeedRecord(ImportedFile file, long lineNumber, String raw, Map<String, String> values,
		Map<String, String> metrics, String malformed) {

}
