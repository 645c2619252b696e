package com.successpilot.ingest.internal;

/**
 * A job definition under {@code batch-jobs/} that cannot be used, with a message naming
 * the file and what is wrong.
 */
public class InvalidJobDefinitionException extends RuntimeException {

	public InvalidJobDefinitionException(String message) {
		super(message);
	}

}
