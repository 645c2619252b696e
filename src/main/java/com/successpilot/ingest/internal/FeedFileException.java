package com.successpilot.ingest.internal;

/**
 * A feed file that cannot be read at all (a required column missing, the wrong encoding,
 * a quote never closed). The step fails with this message and the file stays in the
 * inbox.
 * <p>
 * Carries no stack trace: it is a message to an operator about a file, not a fault of the
 * program, and the step's failure log should be that message, not 180 lines of frames.
 */
final class FeedFileException extends RuntimeException {

	FeedFileException(String message) {
		super(message, null, false, false);
	}

}
