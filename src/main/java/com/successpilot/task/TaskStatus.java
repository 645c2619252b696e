package com.successpilot.task;

/**
 * Where a task stands.
 */
public enum TaskStatus {

	/** Waiting for the CSM. */
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
