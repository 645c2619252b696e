package com.successpilot.task;

import java.util.List;

import org.springframework.stereotype.Component;

import com.successpilot.task.internal.TaskQueries;

/**
 * An account's tasks for its detail page: open and snoozed first (by due date), then the
 * most recently closed.
 */
@Component
public class AccountTasks {

	private final TaskQueries queries;

	AccountTasks(TaskQueries queries) {
		this.queries = queries;
	}

	public List<TaskView> of(long accountKey, int limit) {
		return this.queries.forAccount(accountKey, limit);
	}

}
