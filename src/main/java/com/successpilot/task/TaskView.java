package com.successpilot.task;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A task as a CSM sees it in a list: what to do, for which account, by when, and why.
 *
 * @param csm the account's CSM, {@code null} when the account has none
 * @param type the playbook's type, e.g. {@code risk}
 * @param priority {@code high}, {@code medium} or {@code low}
 * @param rule the rule that raised it
 * @param closedBy the username that closed it, or {@code rules} when auto-closed
 */
public record TaskView(long id, Account account, Csm csm, String playbook, String type, String priority, String title,
		String description, LocalDate dueDate, TaskStatus status, LocalDate snoozedUntil, boolean urgent, String rule,
		String why, LocalDate createdOn, LocalDate lastSeenOn, LocalDateTime closedAt, String closedBy,
		String closeReason) {

	/**
	 * @param id the database id
	 * @param externalId the id in the feeds, e.g. {@code ACC-000123}
	 */
	public record Account(long id, String externalId, String name) {

	}

	public record Csm(long id, String name, String email) {

	}

}
