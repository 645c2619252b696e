package com.successpilot.run.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.successpilot.run.JobSchedules;
import com.successpilot.run.RunDetailSection;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunProgress;
import com.successpilot.run.internal.RunViews.RunDetail;
import com.successpilot.system.DateRange;
import com.successpilot.system.NotFoundException;
import com.successpilot.system.Page;
import com.successpilot.system.PageController;
import com.successpilot.system.PageLinks;
import com.successpilot.system.Paging;

/**
 * The runs pages (OPS): the history of runs with a form to start one, and one run with
 * its steps (times and counts), live progress while it goes, and what each feature did in
 * it — rule firings (zero included), rule errors per account, the last good version
 * standing in, the surge guard's review. Starting and restarting go on in the background,
 * as in {@code /api/runs}; the run's page follows them.
 */
@PageController
class RunPagesController {

	private static final int PAGE_SIZE = 25;

	private final RunLauncher launcher;

	private final RunHistory history;

	private final RunProgress progress;

	private final JobSchedules schedules;

	private final List<RunDetailSection> sections;

	private final MessageSource messages;

	private final Clock clock;

	RunPagesController(RunLauncher launcher, RunHistory history, RunProgress progress, JobSchedules schedules,
			List<RunDetailSection> sections, MessageSource messages, Clock clock) {
		this.launcher = launcher;
		this.history = history;
		this.progress = progress;
		this.schedules = schedules;
		this.sections = sections;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/runs")
	String runs(@RequestParam(required = false) String job, @RequestParam(required = false) Integer page, Model model,
			HttpServletResponse response) {
		String shownJob = null;
		try {
			shownJob = (job == null || job.isBlank()) ? null : knownJob(job);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		Paging paging = Paging.of(page, null, PAGE_SIZE, PAGE_SIZE);
		RunHistory.Page runs = this.history.list(new RunHistory.RunFilter(shownJob, null, null, null), paging.page(),
				paging.size());
		Page<RunViews.RunItem> shown = paging.of(runs.rows().stream().map(RunViews.RunItem::of).toList(), runs.total());
		Map<String, LocalDate> today = new LinkedHashMap<>();
		this.launcher.jobNames().stream().sorted().forEach((name) -> today.put(name, today(name)));
		model.addAttribute("runs", shown);
		model.addAttribute("links", PageLinks.of(shown, ServletUriComponentsBuilder.fromCurrentRequest()));
		model.addAttribute("job", shownJob);
		model.addAttribute("jobs", today);
		model.addAttribute("defaultJob",
				today.containsKey("nightlyJob") ? "nightlyJob" : today.keySet().iterator().next());
		return "runs/list";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		JobExecution execution = this.progress.live(id)
			.or(() -> this.launcher.execution(id))
			.orElseThrow(() -> new NotFoundException("There is no run with execution id " + id));
		List<Long> attempts = this.launcher.attemptsOf(execution).stream().map(JobExecution::getId).toList();
		Map<String, Object> outcomes = new LinkedHashMap<>();
		for (RunDetailSection section : this.sections) {
			Object described = section.describe(execution);
			if (described != null) {
				outcomes.put(section.name(), described);
			}
		}
		RunDetail run = RunDetail.of(execution, attempts, this.progress.steps(execution), outcomes);
		model.addAttribute("run", run);
		model.addAttribute("running", execution.isRunning());
		model.addAttribute("restartable",
				!execution.isRunning() && ("FAILED".equals(run.status()) || "STOPPED".equals(run.status())));
		model.addAttribute("judgement", outcomes.get("judgement"));
		model.addAttribute("attention", outcomes.get("attention"));
		model.addAttribute("mail", outcomes.get("mail"));
		return "runs/detail";
	}

	@PostMapping("/runs")
	String start(@RequestParam String job, @RequestParam(required = false) String businessDate,
			@RequestParam(required = false) boolean fresh, RedirectAttributes redirect) {
		try {
			String known = knownJob(job);
			LocalDate date = (businessDate == null || businessDate.isBlank()) ? today(known) : date(businessDate);
			JobExecution started = this.launcher.start(known, date, fresh);
			redirect.addFlashAttribute("notice", word("runs.started", known, date, started.getId()));
			return "redirect:/runs/" + started.getId();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/runs";
		}
		catch (Exception ex) {
			redirect.addFlashAttribute("problem", word("runs.startFailed", ex.getMessage()));
			return "redirect:/runs";
		}
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		try {
			JobExecution restarted = this.launcher.restart(id);
			redirect.addFlashAttribute("notice", word("runs.restarted", id, restarted.getId()));
			return "redirect:/runs/" + restarted.getId();
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (Exception ex) {
			redirect.addFlashAttribute("problem", word("runs.startFailed", ex.getMessage()));
		}
		return "redirect:/runs/" + id;
	}

	private LocalDate today(String job) {
		return this.schedules.today(job, this.clock.instant());
	}

	private String knownJob(String job) {
		if (!this.launcher.jobNames().contains(job)) {
			throw new IllegalArgumentException(word("runs.unknownJob", job, this.launcher.jobNames()));
		}
		return job;
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private LocalDate date(String value) {
		try {
			return DateRange.check("businessDate", LocalDate.parse(value.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(word("runs.badDate", value));
		}
	}

}
