/**
 * Import from feeds: CSV files dropped into an inbox, declared in {@code batch-jobs/}
 * (which feeds, their inbox, encoding and column mapping), validated row by row and
 * upserted by natural key into the portfolio tables.
 * <p>
 * Owns the import ledger ({@code import_files}, {@code import_rejections}): every file
 * seen, its counts, and every rejected row with file, line, raw text and reason. Bad rows
 * never stop good ones; a reject file is written beside the input; processed files move
 * to the archive. Counts and rejections are written in the same transaction as the rows,
 * so re-imports and restarts neither duplicate nor lose anything.
 */
package com.successpilot.ingest;
