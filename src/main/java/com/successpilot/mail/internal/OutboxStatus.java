package com.successpilot.mail.internal;

/**
 * Where a mail of the outbox stands.
 */
public enum OutboxStatus {

	/** Queued with its tasks; subject and body not composed yet. */
	QUEUED,
	/** Composed and waiting to be sent (again, after a temporary failure). */
	PENDING,
	/** Nothing left to tell when composed (the tasks were closed meanwhile). */
	SKIPPED,
	/** Composed, but its run is held for review: sent only when OPS release the run. */
	HELD,
	/** Its run was held for review and OPS discarded it: never sent. */
	DISCARDED,
	/** Claimed by a delivery: being sent now. */
	SENDING,
	/** Accepted by the SMTP server, or written as an .eml file. */
	SENT,
	/** Refused for good (e.g. an unknown address), or temporary failures exhausted. */
	FAILED,
	/**
	 * A delivery was interrupted while sending: the mail may or may not have gone out.
	 * Never resent automatically; an operator decides.
	 */
	UNKNOWN

}
