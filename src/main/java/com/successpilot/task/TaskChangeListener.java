package com.successpilot.task;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Told, inside the transaction that raised, refreshed or auto-closed them, which
 * accounts' tasks a run has just recorded — so what follows from a task (a mail in the
 * outbox) commits or rolls back together with it. Tasks created or changed by the run
 * have {@code changed_run = run}.
 */
public interface TaskChangeListener {

	/**
	 * @param run the run (job instance id)
	 * @param runDate the business date
	 * @param accountKeys the database ids of the accounts whose tasks were recorded
	 */
	void tasksRecorded(long run, LocalDate runDate, Collection<Long> accountKeys);

}
