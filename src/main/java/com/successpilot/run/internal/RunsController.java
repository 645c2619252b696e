package com.successpilot.run.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.successpilot.run.JobSchedules;
import com.successpilot.run.RunDetailSection;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunPreflight.RunRefusedException;
import com.successpilot.run.RunProgress;
import com.successpilot.run.internal.RunViews.RunDetail;
import com.successpilot.run.internal.RunViews.RunItem;
import com.successpilot.run.internal.RunViews.RunPage;
import com.successpilot.run.internal.RunViews.StartedRun;
import com.successpilot.system.DateRange;
import com.successpilot.system.NotFoundException;

/**
 * {@code /api/runs} (OPS): the runs with their status, one run's steps, progress and
 * outcomes, starting a run and restarting a failed one. Runs started here go on in the
 * background; the answer is 202 with where to follow the run.
 */
@Tag(name = "runs",
		description = "Runs of the jobs (OPS): history, progress and outcomes; starting and restarting runs.")
@RestController
@RequestMapping("/api/runs")
class RunsController {

	private static final int MAX_PAGE_SIZE = 200;

	private final RunLauncher launcher;

	private final RunHistory history;

	private final RunProgress progress;

	private final JobSchedules schedules;

	private final List<RunDetailSection> sections;

	private final Clock clock;

	RunsController(RunLauncher launcher, RunHistory history, RunProgress progress, JobSchedules schedules,
			List<RunDetailSection> sections, Clock clock) {
		this.launcher = launcher;
		this.history = history;
		this.progress = progress;
		this.schedules = schedules;
		this.sections = sections;
		this.clock = clock;
	}

	/**
	 * What {@code POST /api/runs} takes.
	 */
	record StartRequest(String job, String businessDate, Boolean fresh) {

	}

	@Operation(operationId = "listRuns", summary = "List runs, newest first")
	@GetMapping
	RunPage list(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (job != null) {
			knownJob(job);
		}
		if (page < 0) {
			throw new IllegalArgumentException("Parameter 'page' must be 0 or more, not " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"Parameter 'size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("Parameter 'from' (" + from + ") is after 'to' (" + to + ")");
		}
		RunHistory.Page runs = this.history.list(new RunHistory.RunFilter(job, status(status), from, to), page, size);
		return new RunPage(runs.rows().stream().map(RunItem::of).toList(), page, size, runs.total());
	}

	@Operation(operationId = "getRun", summary = "One run (by execution id): its steps, live progress and outcomes")
	@GetMapping("/{id}")
	RunDetail detail(@PathVariable long id) {
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
		return RunDetail.of(execution, attempts, this.progress.steps(execution), outcomes);
	}

	@Operation(operationId = "startRun", summary = "Start a run of a job for a business date, in the background")
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<StartedRun> start(@RequestBody StartRequest request) throws Exception {
		if (request.job() == null || request.job().isBlank()) {
			throw new IllegalArgumentException("'job' is required: one of " + this.launcher.jobNames());
		}
		String job = knownJob(request.job());
		LocalDate businessDate = (request.businessDate() != null) ? date(request.businessDate())
				: this.schedules.today(job, this.clock.instant());
		return accepted(this.launcher.start(job, businessDate, Boolean.TRUE.equals(request.fresh())));
	}

	@Operation(operationId = "restartRun", summary = "Continue a failed or stopped run where it stopped")
	@PostMapping("/{id}/restart")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<StartedRun> restart(@PathVariable long id) throws Exception {
		return accepted(this.launcher.restart(id));
	}

	/**
	 * The rule set (or another check) refused the run: 422 with the report, line by line.
	 */
	@ExceptionHandler(RunRefusedException.class)
	ProblemDetail refused(RunRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Run refused");
		problem.setProperty("report", Arrays.asList(ex.getMessage().split("\n\\s*")));
		return problem;
	}

	private ResponseEntity<StartedRun> accepted(JobExecution execution) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/runs/{id}")
			.buildAndExpand(execution.getId())
			.toUri();
		RunItem run = RunItem.of(execution);
		return ResponseEntity.accepted()
			.location(location)
			.body(new StartedRun(run.id(), run.job(), run.businessDate(), run.runNumber(), run.status(),
					location.getPath()));
	}

	private String knownJob(String job) {
		if (!this.launcher.jobNames().contains(job)) {
			throw new IllegalArgumentException(
					"There is no job called '" + job + "'; the jobs are " + this.launcher.jobNames());
		}
		return job;
	}

	private static String status(String status) {
		if (status == null) {
			return null;
		}
		try {
			return BatchStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Parameter 'status' must be one of "
					+ Arrays.toString(BatchStatus.values()) + ", not '" + status + "'");
		}
	}

	private static LocalDate date(String value) {
		try {
			return DateRange.check("businessDate", LocalDate.parse(value.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'businessDate' must be a date like 2026-11-23, not '" + value + "'");
		}
	}

}
