package com.successpilot.ingest.internal;

/**
 * Where a feed file stands in the import ledger.
 */
public enum ImportStatus {

	/** Being read; also what a crashed import is left at until it is restarted. */
	IMPORTING,
	/** All rows imported or rejected; the file moved to the archive. */
	IMPORTED,
	/** More rows rejected than the feed allows; the file stays in the inbox. */
	TOO_MANY_REJECTED,
	/** The file could not be read (header, encoding, database); it stays in the inbox. */
	FAILED,
	/**
	 * The file had no rows (0 bytes, or a header alone): a warning, not a failure, unless
	 * the feed is required; moved to the archive like an imported file.
	 */
	EMPTY,
	/** The file is in an inbox folder but no feed reads it; it stays where it is. */
	UNMATCHED

}
