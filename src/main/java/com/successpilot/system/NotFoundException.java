package com.successpilot.system;

/**
 * Something asked for by id or name does not exist (or is not the asker's to see); the
 * API answers 404 with this message.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
