package com.successpilot.task;

/**
 * Where a task stands.
 */
public enum TaskStatus {

	/**
	 * Raised, but held back: over its CSM's budget of new tasks. Released by score on a
	 * later day as capacity frees; closed without ever being sent if its condition clears
	 * first.
	 */
	QUEUED,
	/** Delivered to the CSM and waiting for them. */
	OPEN,
	/** Put aside until a date; it counts as open again from that date. */
	SNOOZED,
	/** Done by the CSM. */
	DONE,
	/** Dismissed by the CSM, with a reason. */
	DISMISSED,
	/** Closed by the rules because the condition that raised it cleared. */
	AUTO_CLOSED

}
