package com.successpilot.task;

/**
 * Who holds a task: the CSM CS ops handed it to ({@code tasks.assigned_csm_id}), else the
 * CSM of its account. The holder sees the task on their day and in their task list, may
 * open and act on it, and gets it by mail and in their attention budget; nobody else of
 * the CSM role does, the account's CSM included once it was handed on. The account itself
 * stays its CSM's: a holder who may open a task on another CSM's account may not open
 * that account.
 * <p>
 * Pages read the rule live ({@link #SQL}); the nightly steps (attention budget, mails)
 * read its stored copy {@code tasks.owner_csm_id}, which raising, refreshing and
 * reassigning a task keep equal to it.
 */
public final class TaskHolder {

	/**
	 * The holder's CSM id in a query that names the task {@code t} and its account
	 * {@code a}.
	 */
	public static final String SQL = "COALESCE(t.assigned_csm_id, a.csm_id)";

	private TaskHolder() {
	}

	/**
	 * The holder's CSM id.
	 * @param assignedCsm the CSM the task was handed to, {@code null} when it was not
	 * @param accountCsm the account's CSM, {@code null} when the account has none
	 */
	public static Long of(Long assignedCsm, Long accountCsm) {
		return (assignedCsm != null) ? assignedCsm : accountCsm;
	}

}
