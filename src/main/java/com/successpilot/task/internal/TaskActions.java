package com.successpilot.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import com.successpilot.security.SignedInUser;
import com.successpilot.system.InputProblem;
import com.successpilot.system.NotFoundException;
import com.successpilot.task.TaskProperties;
import com.successpilot.task.TaskRepository;
import com.successpilot.task.TaskStatus;
import com.successpilot.task.TaskView;

/**
 * What a person may do to a task: mark it done, snooze it until a date, dismiss it with a
 * reason, end a snooze early. A snooze reaches at most
 * {@code successpilot.tasks.max-snooze-days} ahead. A task another CSM holds
 * ({@link com.successpilot.task.TaskHolder}) does not exist for a CSM (404); a change the
 * task's state does not allow is a conflict (409); bad input is a 400 naming the field.
 */
@Service
@EnableConfigurationProperties(TaskProperties.class)
class TaskActions {

	private static final int MAX_TEXT = 1000;

	private static final int MAX_BULK = 500;

	private final TaskQueries queries;

	private final TaskRepository tasks;

	private final Clock clock;

	private final TaskProperties settings;

	TaskActions(TaskQueries queries, TaskRepository tasks, Clock clock, TaskProperties settings) {
		this.queries = queries;
		this.tasks = tasks;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * The task, if the user may see it.
	 * @throws NotFoundException when it does not exist or another CSM holds it
	 */
	TaskDetails visible(long taskId, SignedInUser user) {
		return this.queries.find(taskId)
			.filter((task) -> user.mayWorkOn(csmOf(task.task())))
			.orElseThrow(() -> new NotFoundException("No task with id " + taskId));
	}

	TaskDetails done(long taskId, SignedInUser user, String note) {
		visible(taskId, user);
		if (!this.tasks.close(taskId, TaskStatus.DONE, user.getUsername(), optionalText("note", note))) {
			throw conflict(taskId, "marked done", "an open or snoozed task");
		}
		return visible(taskId, user);
	}

	TaskDetails snooze(long taskId, SignedInUser user, String until, String note) {
		visible(taskId, user);
		if (!this.tasks.snooze(taskId, futureDate(until), user.getUsername(), optionalText("note", note))) {
			throw conflict(taskId, "snoozed", "an open or snoozed task");
		}
		return visible(taskId, user);
	}

	TaskDetails dismiss(long taskId, SignedInUser user, String reason) {
		visible(taskId, user);
		String checkedReason = optionalText("reason", reason);
		if (checkedReason == null) {
			throw new IllegalArgumentException("Dismissing a task needs a 'reason': say why it needs no action");
		}
		if (!this.tasks.close(taskId, TaskStatus.DISMISSED, user.getUsername(), checkedReason)) {
			throw conflict(taskId, "dismissed", "an open or snoozed task");
		}
		return visible(taskId, user);
	}

	TaskDetails reopen(long taskId, SignedInUser user, String note) {
		visible(taskId, user);
		if (!this.tasks.reopen(taskId, user.getUsername(), optionalText("note", note))) {
			throw conflict(taskId, "reopened", "a snoozed task");
		}
		return visible(taskId, user);
	}

	/**
	 * What a bulk action did: how many tasks it changed, and how many it left because
	 * they were closed meanwhile (or never existed).
	 */
	record BulkOutcome(int changed, int skipped) {

	}

	/**
	 * Hands tasks to another CSM (OPS and ADMIN only); each is recorded like a single
	 * action.
	 * @throws AccessDeniedException for a CSM
	 */
	BulkOutcome reassign(List<Long> taskIds, long toCsm, SignedInUser user) {
		mayActInBulk(user, taskIds);
		TaskView.Csm csm = this.queries.csm(toCsm)
			.orElseThrow(() -> new IllegalArgumentException("No CSM with id " + toCsm + " to reassign the tasks to"));
		String toWhom = csm.name() + " <" + csm.email() + ">";
		int changed = 0;
		for (long id : taskIds) {
			changed += this.tasks.reassign(id, csm.id(), toWhom, user.getUsername()) ? 1 : 0;
		}
		return new BulkOutcome(changed, taskIds.size() - changed);
	}

	/**
	 * Dismisses tasks with one reason (OPS and ADMIN only); each is recorded like a
	 * single dismissal.
	 * @throws AccessDeniedException for a CSM
	 */
	BulkOutcome dismiss(List<Long> taskIds, String reason, SignedInUser user) {
		mayActInBulk(user, taskIds);
		String checkedReason = optionalText("reason", reason);
		if (checkedReason == null) {
			throw new IllegalArgumentException("Dismissing tasks needs a 'reason': say why they need no action");
		}
		int changed = 0;
		for (long id : taskIds) {
			changed += this.tasks.close(id, TaskStatus.DISMISSED, user.getUsername(), checkedReason) ? 1 : 0;
		}
		return new BulkOutcome(changed, taskIds.size() - changed);
	}

	private static void mayActInBulk(SignedInUser user, List<Long> taskIds) {
		if (user.ownsOnly()) {
			throw new AccessDeniedException("Bulk actions are for CS operations");
		}
		if (taskIds == null || taskIds.isEmpty()) {
			throw new IllegalArgumentException("Select at least one task");
		}
		if (taskIds.size() > MAX_BULK) {
			throw new IllegalArgumentException("At most " + MAX_BULK + " tasks at once, got " + taskIds.size());
		}
	}

	private IllegalStateException conflict(long taskId, String done, String allowed) {
		String status = this.queries.find(taskId).map((task) -> task.task().status().name()).orElse("gone");
		return new IllegalStateException("Task " + taskId + " is " + status + ": only " + allowed + " can be " + done);
	}

	private LocalDate futureDate(String until) {
		if (until == null || until.isBlank()) {
			throw new IllegalArgumentException("Snoozing a task needs 'until': a date (YYYY-MM-DD) after today");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(until.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'until' has the value '" + until + "', which is not a valid date (YYYY-MM-DD)");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (!date.isAfter(today)) {
			throw new IllegalArgumentException("'until' must be after today (" + today + "), got " + date);
		}
		LocalDate latest = today.plusDays(this.settings.maxSnoozeDays());
		if (date.isAfter(latest)) {
			throw new InputProblem("problem.snooze-too-far", this.settings.maxSnoozeDays(), latest, until.strip());
		}
		return date;
	}

	private static String optionalText(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.strip().length() > MAX_TEXT) {
			throw new IllegalArgumentException("'" + field + "' is at most " + MAX_TEXT + " characters");
		}
		return text.strip();
	}

	private static Long csmOf(TaskView task) {
		return (task.csm() != null) ? task.csm().id() : null;
	}

}
