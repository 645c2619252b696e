package com.successpilot.task;

import java.util.Set;

/**
 * What raising a task, or not raising it, does to the tasks stored: the one decision the
 * judgement step acts on ({@link TaskRepository#raise},
 * {@link TaskRepository#autoCloseCleared}) and a preview of a rule change foresees
 * ({@link TaskRepository.StoredTasks#foresee}), so the two cannot drift apart.
 */
public final class TaskDecision {

	private TaskDecision() {
	}

	/**
	 * Whether a raised task becomes a new task: no open, snoozed or held-back twin holds
	 * its active key, and no CSM marked the same occurrence (dedup key) done or
	 * dismissed.
	 */
	public static boolean creates(String dedupKey, boolean hasTwin, Set<String> decidedDedupKeys) {
		return !hasTwin && !decidedDedupKeys.contains(dedupKey);
	}

	/**
	 * Whether a stored task of an account judged cleanly, whose rule did not raise it
	 * again, is closed by the rules: held back whatever its playbook says (what never
	 * reached the CSM must not reach them once it no longer holds), open or snoozed when
	 * its playbook closes by itself. The same condition as the step's SQL.
	 */
	public static boolean closesWhenNotRaised(String status, boolean autoClose) {
		return "QUEUED".equals(status) || (autoClose && ("OPEN".equals(status) || "SNOOZED".equals(status)));
	}

}
