package com.successpilot.ingest.internal;

/**
 * A row that cannot be imported, with the reason in words an operator can act on. Thrown
 * while checking a row, caught before it leaves the processor: a rejection is an outcome
 * to record, not a failure of the step.
 */
final class RowRejectedException extends Exception {

	RowRejectedException(String reason) {
		super(reason, null, false, false);
	}

}
