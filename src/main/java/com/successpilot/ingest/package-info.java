/**
 * Import from feeds: CSV files dropped into an inbox, or rows pulled from a SQL source (a
 * query on a named data source, incremental by watermark: docs/sources.md), declared in
 * {@code batch-jobs/} (which feeds, their inbox, encoding or query, and column mapping),
 * validated row by row and upserted by natural key into the portfolio tables. Both kinds
 * share the validator, the writer, the ledger and the reject report; only the reader
 * differs.
 * <p>
 * Owns the import ledger ({@code import_files}, {@code import_rejections}): every file
 * seen (also those no feed reads, and empty ones), its counts, and every rejected row
 * with file, line, raw text and reason. A file is read through before any row of it is
 * imported, so one that is not CSV to its end is never half imported. Bad rows never stop
 * good ones; a reject file is written beside the input; processed files move to the
 * archive. Counts and rejections are written in the same transaction as the rows, so
 * re-imports and restarts neither duplicate nor lose anything.
 * <p>
 * The thresholds feeds are checked against the rule set's threshold catalogue
 * ({@code rules/thresholds.yml}): an undeclared name or a value outside its range is a
 * rejected row. A value agreed with a customer is removed by a row whose action is
 * {@code remove} (or through {@link com.successpilot.ingest.AgreedThresholds}); what was
 * removed, when, by whom and how is kept in {@code account_threshold_removals}.
 * <p>
 * Owns {@code source_watermarks}: each source feed's watermark, moved only when its step
 * completes, and the window of the night it last pulled (a re-run pulls the same rows).
 * {@code sources} lists them, tests each query on a few rows and resets a watermark.
 */
package com.successpilot.ingest;
