/**
 * Import from feeds: CSV files dropped into an inbox, declared in {@code batch-jobs/}
 * (which feeds, their inbox, encoding and column mapping), validated row by row and
 * upserted by natural key into the portfolio tables.
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
 */
package com.successpilot.ingest;
