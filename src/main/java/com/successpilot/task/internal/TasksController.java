package com.successpilot.task.internal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.security.SignedInUser;
import com.successpilot.system.Page;
import com.successpilot.system.Paging;
import com.successpilot.task.TaskView;

/**
 * {@code /api/tasks}: list and filter tasks, read one with its evidence and history, and
 * act on it (done, snooze, dismiss, reopen). A CSM sees and changes only the tasks of
 * their own accounts; OPS and ADMIN all of them.
 */
@Tag(name = "tasks",
		description = "The tasks the rules raised, with their why; acting on them. A CSM: only the tasks of their own accounts.")
@RestController
@RequestMapping("/api/tasks")
class TasksController {

	private static final int DEFAULT_SIZE = 50;

	private static final int MAX_SIZE = 500;

	private final TaskQueries queries;

	private final TaskActions actions;

	TasksController(TaskQueries queries, TaskActions actions) {
		this.queries = queries;
		this.actions = actions;
	}

	record Note(String note) {

	}

	record Snooze(String until, String note) {

	}

	record Dismissal(String reason) {

	}

	@Operation(operationId = "listTasks", summary = "List tasks, highest score first (default: open and snoozed)")
	@GetMapping
	Page<TaskView> list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String csm, @RequestParam(required = false) String account,
			@RequestParam(required = false) String type, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String playbook,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		TaskFilter filter = TaskFilter.of(status, csm, account, type, priority, playbook, dueBefore, user);
		return this.queries.list(filter, Paging.of(page, size, DEFAULT_SIZE, MAX_SIZE));
	}

	@Operation(operationId = "getTask", summary = "One task with its evidence, rules version and history")
	@GetMapping("/{id}")
	TaskDetails get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		return this.actions.visible(id, user);
	}

	@Operation(summary = "Mark an open or snoozed task done (optional note)")
	@PostMapping("/{id}/done")
	TaskDetails done(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Note body) {
		return this.actions.done(id, user, (body != null) ? body.note() : null);
	}

	@Operation(summary = "Snooze an open or snoozed task until a later date")
	@PostMapping("/{id}/snooze")
	TaskDetails snooze(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Snooze body) {
		return this.actions.snooze(id, user, (body != null) ? body.until() : null, (body != null) ? body.note() : null);
	}

	@Operation(summary = "Dismiss an open or snoozed task, with a reason")
	@PostMapping("/{id}/dismiss")
	TaskDetails dismiss(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Dismissal body) {
		return this.actions.dismiss(id, user, (body != null) ? body.reason() : null);
	}

	@Operation(summary = "Reopen a snoozed task now")
	@PostMapping("/{id}/reopen")
	TaskDetails reopen(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Note body) {
		return this.actions.reopen(id, user, (body != null) ? body.note() : null);
	}

}
