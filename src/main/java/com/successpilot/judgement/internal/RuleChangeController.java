package com.successpilot.judgement.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.judgement.BacktestReport;
import com.successpilot.judgement.DraftThresholds;
import com.successpilot.judgement.PreviewReport;
import com.successpilot.judgement.RuleBacktest;
import com.successpilot.judgement.RuleChangePreview;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetSource;
import com.successpilot.system.DateRange;
import com.successpilot.system.InputProblem;

/**
 * {@code POST /api/rules/preview} and {@code /api/rules/backtest} (OPS): what a draft
 * rule set would do, on a night's stored facts or replayed over past nights. The draft is
 * the rules directory on disk with the files the body gives in place of theirs; nothing
 * is written.
 */
@Tag(name = "rules",
		description = "The rule set in rules/ (OPS): the set in force, validating, reloading, testing, "
				+ "previewing and backtesting a change.")
@RestController
@RequestMapping("/api/rules")
class RuleChangeController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final RuleChangePreview preview;

	private final RuleBacktest backtest;

	private final LiveRuleSet liveRuleSet;

	private final MessageSource messages;

	RuleChangeController(RuleChangePreview preview, RuleBacktest backtest, LiveRuleSet liveRuleSet,
			MessageSource messages) {
		this.preview = preview;
		this.backtest = backtest;
		this.liveRuleSet = liveRuleSet;
		this.messages = messages;
	}

	@Operation(summary = "What a draft rule set (and draft account thresholds) would create, close and re-prioritise "
			+ "on a night's facts, against the set in force; writes nothing. JSON, or CSV with Accept: text/csv")
	@PostMapping(path = "/preview", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	ResponseEntity<?> preview(@RequestBody(required = false) PreviewRequest request,
			@org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
		PreviewRequest asked = (request != null) ? request : new PreviewRequest(null, null, null);
		RuleSet draft;
		try {
			draft = draft(asked.files());
		}
		catch (InvalidRuleSetException ex) {
			return invalid(ex);
		}
		DraftThresholds thresholds = DraftThresholds.NONE;
		if (asked.thresholds() != null && !asked.thresholds().isBlank()) {
			try {
				thresholds = DraftThresholds.parse("thresholds", asked.thresholds());
			}
			catch (IllegalArgumentException ex) {
				throw new InputProblem("problem.rule-change.thresholds", ex.getMessage());
			}
		}
		PreviewReport report = this.preview.preview(draft, thresholds, night(asked.date()));
		if (accept != null && accept.contains("text/csv")) {
			return ResponseEntity.ok().contentType(CSV).body(report.csv().getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	@Operation(summary = "Replay a draft rule set over the stored facts of past nights: tasks per rule and playbook, "
			+ "and how early it flagged the accounts that churned or downgraded; writes nothing")
	@PostMapping(path = "/backtest", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	ResponseEntity<?> backtest(@RequestBody BacktestRequest request,
			@org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
		if (request.from() == null || request.to() == null || request.to().isBefore(request.from())) {
			throw new InputProblem("problem.rule-change.range");
		}
		DateRange.check("from", request.from());
		DateRange.check("to", request.to());
		RuleSet ruleSet;
		try {
			ruleSet = draft(request.files());
		}
		catch (InvalidRuleSetException ex) {
			return invalid(ex);
		}
		BacktestReport report = this.backtest.backtest(ruleSet, request.from(), request.to());
		if (accept != null && accept.contains("text/csv")) {
			return ResponseEntity.ok().contentType(CSV).body(report.csv().getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	private RuleSet draft(Map<String, String> files) {
		Path dir = this.liveRuleSet.rulesDir();
		if (files == null || files.isEmpty()) {
			return RuleSet.load(dir);
		}
		Map<String, byte[]> merged = new LinkedHashMap<>();
		try {
			RuleSetSource onDisk = RuleSetSource.read(dir);
			onDisk.paths().forEach((path) -> merged.put(path, onDisk.content(path).orElseThrow()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.forEach((path, content) -> merged.put(path, content.getBytes(StandardCharsets.UTF_8)));
		RuleSetSource source;
		try {
			source = RuleSetSource.of(dir, merged);
		}
		catch (IllegalArgumentException ex) {
			String path = files.keySet()
				.stream()
				.filter((file) -> ex.getMessage().contains("'" + file + "'"))
				.findFirst()
				.orElse(String.valueOf(files.keySet()));
			throw new InputProblem("problem.rule-change.not-part-of-set", path);
		}
		return RuleSet.compile(source);
	}

	private LocalDate night(LocalDate asked) {
		String latest = this.preview.latestJudgedNight().map(LocalDate::toString).orElse("-");
		if (asked == null) {
			return this.preview.latestJudgedNight().orElseThrow(() -> new InputProblem("problem.rule-change.no-night"));
		}
		DateRange.check("date", asked);
		if (!this.preview.hasFacts(asked)) {
			throw new InputProblem("problem.rule-change.no-facts", asked, latest);
		}
		return asked;
	}

	private ResponseEntity<ProblemDetail> invalid(InvalidRuleSetException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("problem.rule-change.invalid-draft",
						new Object[] { ex.report().problems().size() }, LocaleContextHolder.getLocale()));
		problem.setProperty("version", ex.report().version());
		problem.setProperty("errors", ex.report().problems().stream().map(Object::toString).toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * @param files rule files by path relative to the rules directory, in place of those
	 * on disk (none: the directory as it is)
	 * @param thresholds draft account thresholds as CSV, the account-thresholds feed's
	 * format
	 * @param date the night whose facts to judge (default: the latest judged)
	 */
	record PreviewRequest(Map<String, String> files, String thresholds, LocalDate date) {

	}

	/**
	 * @param files as for a preview
	 * @param from the first night
	 * @param to the last night
	 */
	record BacktestRequest(Map<String, String> files, LocalDate from, LocalDate to) {

	}

}
