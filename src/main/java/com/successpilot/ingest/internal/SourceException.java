package com.successpilot.ingest.internal;

import com.successpilot.ingest.SourceDataSource;

/**
 * A data source that cannot be reached, or a query that fails: the feed's step fails (or
 * the feed is skipped) with this message, which names the data source and never its
 * password.
 * <p>
 * Carries no stack trace: it is a message to an operator about a source, not a fault of
 * the program.
 */
public final class SourceException extends RuntimeException {

	SourceException(SourceDataSource source, String message) {
		super("data source '" + source.name() + "': " + message, null, false, false);
	}

	SourceException(String message) {
		super(message, null, false, false);
	}

}
