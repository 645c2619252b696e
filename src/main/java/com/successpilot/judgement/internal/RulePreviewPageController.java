package com.successpilot.judgement.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.successpilot.judgement.DraftThresholds;
import com.successpilot.judgement.PreviewReport;
import com.successpilot.judgement.RuleChangePreview;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.system.DateRange;
import com.successpilot.system.PageController;

/**
 * The preview page of the rules (OPS): what the files in {@code rules/} as they are now
 * would do on a night's stored facts (the latest judged night unless asked), beside the
 * set in force — tasks created, closed and re-prioritised per playbook and per CSM,
 * health grade moves, and how many new tasks the attention budget would hold back.
 * Nothing is written; the same report as {@code POST /api/rules/preview}.
 */
@PageController
class RulePreviewPageController {

	/** Task changes listed on the page; the API and its CSV have them all. */
	static final int LISTED = 50;

	private final RuleChangePreview preview;

	private final LiveRuleSet liveRuleSet;

	private final MessageSource messages;

	RulePreviewPageController(RuleChangePreview preview, LiveRuleSet liveRuleSet, MessageSource messages) {
		this.preview = preview;
		this.liveRuleSet = liveRuleSet;
		this.messages = messages;
	}

	@GetMapping("/rules/preview")
	String preview(@RequestParam(required = false) String date, Model model, HttpServletResponse response) {
		LocalDate night = night(date);
		RuleSet draft;
		try {
			draft = RuleSet.load(this.liveRuleSet.rulesDir());
		}
		catch (InvalidRuleSetException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invalid", ex.report());
			return "rules/preview";
		}
		PreviewReport report = this.preview.preview(draft, DraftThresholds.NONE, night);
		model.addAttribute("report", report);
		model.addAttribute("tasks", report.tasks().subList(0, Math.min(LISTED, report.tasks().size())));
		model.addAttribute("listed", LISTED);
		return "rules/preview";
	}

	@ExceptionHandler(IllegalArgumentException.class)
	String badInput(IllegalArgumentException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("problem", ex.getMessage());
		model.addAttribute("back", "/rules");
		return "ops/problem";
	}

	private LocalDate night(String date) {
		List<LocalDate> latest = this.preview.latestJudgedNight().stream().toList();
		if (date == null || date.isBlank()) {
			if (latest.isEmpty()) {
				throw new IllegalArgumentException(word("rules.preview.noNight"));
			}
			return latest.get(0);
		}
		LocalDate asked;
		try {
			asked = DateRange.check("date", LocalDate.parse(date.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(word("rules.preview.badDate", date));
		}
		if (!this.preview.hasFacts(asked)) {
			throw new IllegalArgumentException(
					word("rules.preview.noFacts", asked, latest.isEmpty() ? "–" : latest.get(0)));
		}
		return asked;
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
