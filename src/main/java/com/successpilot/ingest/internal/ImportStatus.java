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
	FAILED

}
