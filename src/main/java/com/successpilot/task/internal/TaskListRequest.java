package com.successpilot.task.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.successpilot.security.SignedInUser;
import com.successpilot.task.TaskStatus;

/**
 * The filters of the task list page as the browser sent them, checked: a value the page
 * does not offer is an {@link FilterProblem} naming the filter and what it allows.
 *
 * @param status empty for open and snoozed, a {@link TaskStatus}, or {@code ALL}
 * @param due empty, {@code overdue}, {@code today}, {@code week} (the next 7 days) or
 * {@code range} ({@code from} to {@code to}, both included)
 * @param csm a CSM's database id (OPS and ADMIN only; ignored for a CSM)
 * @param sort {@code score} (the default), {@code due} or {@code account}
 */
record TaskListRequest(String status, String priority, String playbook, String due, String from, String to,
		String account, String csm, String sort) {

	static final List<String> DUES = List.of("overdue", "today", "week", "range");

	/**
	 * The filter for the task queries; a CSM's own scope whatever the request says.
	 */
	TaskFilter filter(SignedInUser user, LocalDate today) {
		String statuses = "ALL".equalsIgnoreCase(blank(this.status))
				? Arrays.stream(TaskStatus.values()).map(Enum::name).collect(Collectors.joining(",")) : this.status;
		String csmId = user.ownsOnly() ? null : blank(this.csm);
		if (csmId != null && !csmId.matches("\\d{1,18}")) {
			throw new FilterProblem("tasks.problem.csm", csmId);
		}
		TaskFilter filter;
		try {
			filter = TaskFilter.of(statuses, csmId, null, null, this.priority, this.playbook, null, user);
		}
		catch (IllegalArgumentException ex) {
			throw new FilterProblem("tasks.problem.filter", ex.getMessage());
		}
		String dueChoice = blank(this.due);
		if (dueChoice == null) {
			return filter.due(null, null, this.account);
		}
		return switch (dueChoice.toLowerCase(Locale.ROOT)) {
			case "overdue" -> filter.due(null, today, this.account);
			case "today" -> filter.due(today, today.plusDays(1), this.account);
			case "week" -> filter.due(today, today.plusDays(7), this.account);
			case "range" -> range(filter);
			default -> throw new FilterProblem("tasks.problem.due", dueChoice, String.join(", ", DUES));
		};
	}

	TaskQueries.TaskOrder order() {
		String wanted = blank(this.sort);
		if (wanted == null) {
			return TaskQueries.TaskOrder.SCORE;
		}
		return Arrays.stream(TaskQueries.TaskOrder.values())
			.filter((order) -> order.name().equalsIgnoreCase(wanted))
			.findFirst()
			.orElseThrow(() -> new FilterProblem("tasks.problem.sort", wanted));
	}

	private TaskFilter range(TaskFilter filter) {
		LocalDate first = date("from", this.from);
		LocalDate last = date("to", this.to);
		if (first != null && last != null && last.isBefore(first)) {
			throw new FilterProblem("tasks.problem.range", first, last);
		}
		return filter.due(first, (last != null) ? last.plusDays(1) : null, this.account);
	}

	private static LocalDate date(String field, String text) {
		if (blank(text) == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new FilterProblem("tasks.problem.date", field, text.strip());
		}
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
