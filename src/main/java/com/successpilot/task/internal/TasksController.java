package com.successpilot.task.internal;

import java.time.LocalDate;

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

	@GetMapping("/{id}")
	TaskDetails get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		return this.actions.visible(id, user);
	}

	@PostMapping("/{id}/done")
	TaskDetails done(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Note body) {
		return this.actions.done(id, user, (body != null) ? body.note() : null);
	}

	@PostMapping("/{id}/snooze")
	TaskDetails snooze(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Snooze body) {
		return this.actions.snooze(id, user, (body != null) ? body.until() : null, (body != null) ? body.note() : null);
	}

	@PostMapping("/{id}/dismiss")
	TaskDetails dismiss(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Dismissal body) {
		return this.actions.dismiss(id, user, (body != null) ? body.reason() : null);
	}

	@PostMapping("/{id}/reopen")
	TaskDetails reopen(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestBody(required = false) Note body) {
		return this.actions.reopen(id, user, (body != null) ? body.note() : null);
	}

}
