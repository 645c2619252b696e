package com.successpilot.ingest.internal;

/**
 * A feed file that cannot be read at all (no header, a required column missing, the wrong
 * encoding). The step fails with this message and the file stays in the inbox.
 */
final class FeedFileException extends RuntimeException {

	FeedFileException(String message) {
		super(message);
	}

}
