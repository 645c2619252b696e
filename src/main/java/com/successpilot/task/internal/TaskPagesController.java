package com.successpilot.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import com.successpilot.security.SignedInUser;
import com.successpilot.system.InputProblem;
import com.successpilot.system.Page;
import com.successpilot.system.PageController;
import com.successpilot.system.PageLinks;
import com.successpilot.system.Paging;
import com.successpilot.task.TaskStatus;
import com.successpilot.task.TaskView;

/**
 * The task pages: the tasks filtered and paged (a CSM's: of their accounts; OPS: all,
 * with bulk reassign and dismiss), and one task with its why, the playbook's steps, the
 * facts and thresholds behind it, and buttons to mark it done, snooze or dismiss it.
 * Mails link here ({@code /tasks/<id>}); a browser that is not signed in goes to the
 * login first and comes back.
 */
@PageController
class TaskPagesController {

	private static final int PAGE_SIZE = 50;

	private final TaskQueries queries;

	private final TaskActions actions;

	private final MessageSource messages;

	private final TaskSteps steps;

	private final Clock clock;

	TaskPagesController(TaskQueries queries, TaskActions actions, MessageSource messages, TaskSteps steps,
			Clock clock) {
		this.queries = queries;
		this.actions = actions;
		this.messages = messages;
		this.steps = steps;
		this.clock = clock;
	}

	/**
	 * The tasks, highest score first by default, filtered and paged; a CSM only those of
	 * their accounts, OPS and ADMIN all of them with a CSM filter and bulk actions.
	 */
	@GetMapping("/tasks")
	String tasks(@AuthenticationPrincipal SignedInUser user, TaskListRequest request,
			@RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
		model.addAttribute("request", request);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("priorities", List.of("high", "medium", "low"));
		model.addAttribute("dues", TaskListRequest.DUES);
		model.addAttribute("orders", TaskQueries.TaskOrder.values());
		model.addAttribute("playbooks", this.queries.playbooks());
		model.addAttribute("csms", user.ownsOnly() ? List.of() : this.queries.csms());
		model.addAttribute("bulk", !user.ownsOnly());
		model.addAttribute("waitingCount",
				this.queries.count(TaskFilter.of("QUEUED", null, null, null, null, null, null, user)));
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("today", today);
		model.addAttribute("back", here());
		try {
			TaskFilter filter = request.filter(user, today);
			Page<TaskView> tasks = this.queries.list(filter, Paging.of(page, PAGE_SIZE, PAGE_SIZE, PAGE_SIZE),
					request.order());
			model.addAttribute("tasks", tasks);
			model.addAttribute("pages", PageLinks.of(tasks, ServletUriComponentsBuilder.fromCurrentRequest()));
		}
		catch (FilterProblem ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", word(ex.key(), ex.arguments()));
			model.addAttribute("tasks", Paging.of(0, PAGE_SIZE, PAGE_SIZE, PAGE_SIZE).of(List.of(), 0));
		}
		return "tasks/list";
	}

	/**
	 * OPS: hands the selected tasks to another CSM.
	 */
	@PostMapping("/tasks/bulk/reassign")
	String reassign(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) List<Long> ids,
			@RequestParam(required = false) Long csm, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return bulk(user, ids, back, redirect, () -> {
			if (csm == null) {
				throw new IllegalArgumentException(word("tasks.bulk.noCsm"));
			}
			TaskActions.BulkOutcome outcome = this.actions.reassign(ids, csm, user);
			String name = this.queries.csm(csm).map(TaskView.Csm::name).orElse("?");
			return bulkNotice(word("tasks.bulk.reassigned", outcome.changed(), name), outcome);
		});
	}

	/**
	 * OPS: dismisses the selected tasks with one reason.
	 */
	@PostMapping("/tasks/bulk/dismiss")
	String dismissAll(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) List<Long> ids,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return bulk(user, ids, back, redirect, () -> {
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException(word("tasks.bulk.noReason"));
			}
			TaskActions.BulkOutcome outcome = this.actions.dismiss(ids, reason, user);
			return bulkNotice(word("tasks.bulk.dismissed", outcome.changed()), outcome);
		});
	}

	private String bulk(SignedInUser user, List<Long> ids, String back, RedirectAttributes redirect,
			Supplier<String> action) {
		if (user.ownsOnly()) {
			throw new AccessDeniedException("Bulk actions are for CS operations");
		}
		try {
			if (ids == null || ids.isEmpty()) {
				throw new IllegalArgumentException(word("tasks.bulk.noneSelected"));
			}
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		// only back to the task list, never elsewhere
		return "redirect:" + ((back != null && back.matches("/tasks(\\?[^\\s]*)?")) ? back : "/tasks");
	}

	/**
	 * This page's path and query without the page number: where a bulk action returns.
	 */
	private static String here() {
		UriComponents here = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").build();
		return here.getPath() + ((here.getQuery() != null) ? "?" + here.getQuery() : "");
	}

	private String bulkNotice(String done, TaskActions.BulkOutcome outcome) {
		return (outcome.skipped() == 0) ? done : done + " " + word("tasks.bulk.skipped", outcome.skipped());
	}

	@GetMapping("/tasks/{id}")
	String task(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		TaskDetails task = this.actions.visible(id, user);
		model.addAttribute("task", task);
		model.addAttribute("steps", this.steps.of(task, LocaleContextHolder.getLocale()));
		model.addAttribute("zone", this.clock.getZone().getId());
		model.addAttribute("evidence", evidenceRows(task.evidence(), LocaleContextHolder.getLocale()));
		return "tasks/detail";
	}

	@PostMapping("/tasks/{id}/done")
	String done(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(id, redirect, word("page.done"), () -> this.actions.done(id, user, blankToNull(note)));
	}

	@PostMapping("/tasks/{id}/snooze")
	String snooze(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(required = false) String until, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return act(id, redirect, word("page.snoozed", until),
				() -> this.actions.snooze(id, user, blankToNull(until), blankToNull(note)));
	}

	@PostMapping("/tasks/{id}/dismiss")
	String dismiss(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, word("page.dismissed"), () -> this.actions.dismiss(id, user, blankToNull(reason)));
	}

	@PostMapping("/tasks/{id}/reopen")
	String reopen(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, word("page.reopened"), () -> this.actions.reopen(id, user, null));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (InputProblem ex) {
			redirect.addFlashAttribute("problem", word(ex.key(), ex.arguments()));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/tasks/" + id;
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/**
	 * The evidence as rows a CSM reads: each fact and threshold with its label in the
	 * reader's language, and for a threshold where it comes from (agreed with the
	 * customer on a date, or the segment's default). Anything else in the evidence
	 * follows as name/value lines.
	 */
	List<EvidenceRow> evidenceRows(JsonNode evidence, Locale locale) {
		List<EvidenceRow> rows = new ArrayList<>();
		if (evidence == null || !evidence.isObject()) {
			evidenceLines(evidence).forEach((line) -> rows.add(new EvidenceRow(line.getKey(), line.getValue(), null)));
			return rows;
		}
		JsonNode sources = evidence.path("thresholdSources");
		evidence.path("facts")
			.properties()
			.forEach((fact) -> rows.add(new EvidenceRow(label("fact." + fact.getKey(), fact.getKey(), locale),
					shown(fact.getValue()), null)));
		evidence.path("thresholds")
			.properties()
			.forEach((threshold) -> rows
				.add(new EvidenceRow(label("threshold." + threshold.getKey(), threshold.getKey(), locale),
						shown(threshold.getValue()), provenance(sources.path(threshold.getKey()), locale))));
		return rows;
	}

	private String label(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	private String provenance(JsonNode source, Locale locale) {
		if (source.isMissingNode()) {
			return null;
		}
		if ("account".equals(source.path("source").asString())) {
			String on = source.path("agreedOn").asString(null);
			String note = source.path("note").asString(null);
			String key = (on != null && note != null) ? "threshold.agreed" : (on != null) ? "threshold.agreed.noNote"
					: (note != null) ? "threshold.agreed.noDate" : "threshold.agreed.unknown";
			return this.messages.getMessage(key, new Object[] { on, note }, locale);
		}
		return this.messages.getMessage("threshold.segment", new Object[] { source.path("segment").asString("") },
				locale);
	}

	private static String shown(JsonNode value) {
		if (value.isNumber()) {
			double number = value.asDouble();
			return (number == Math.rint(number)) ? String.valueOf((long) number)
					: String.valueOf(Math.round(number * 10) / 10.0);
		}
		return value.asString();
	}

	/**
	 * One line of a task's evidence on its page.
	 *
	 * @param provenance where a threshold comes from, {@code null} for a fact
	 */
	record EvidenceRow(String label, String value, String provenance) {

	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/**
	 * The evidence object as "name: value" lines, nested objects flattened with dots, so
	 * a CSM reads the facts and thresholds without JSON.
	 */
	static List<Map.Entry<String, String>> evidenceLines(JsonNode evidence) {
		List<Map.Entry<String, String>> lines = new ArrayList<>();
		if (evidence != null) {
			flatten("", evidence, lines);
		}
		return lines;
	}

	private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> lines) {
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), lines);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + (i + 1) + "]", node.get(i), lines);
			}
		}
		else {
			lines.add(Map.entry(prefix.isEmpty() ? "evidence" : prefix, node.asString()));
		}
	}

}
