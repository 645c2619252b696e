package com.successpilot.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleScenarios;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.security.SignedInUser;

/**
 * {@code /api/rules} (OPS): the set in force, and validating, reloading and testing the
 * rules directory on disk. Nothing here takes a directory from the caller: it is always
 * {@code successpilot.rules.dir}.
 */
@Tag(name = "rules",
		description = "The rule set in rules/ (OPS): the set in force, validating, reloading and testing the files on disk.")
@RestController
@RequestMapping("/api/rules")
class RulesController {

	private static final Log logger = LogFactory.getLog(RulesController.class);

	private final LiveRuleSet liveRuleSet;

	RulesController(LiveRuleSet liveRuleSet) {
		this.liveRuleSet = liveRuleSet;
	}

	@Operation(summary = "The rule set in force and the last attempt to load one")
	@GetMapping
	RulesApiViews.LiveSet liveSet() {
		if (this.liveRuleSet.status().lastAttempt() == null) {
			loadOnce();
		}
		return RulesApiViews.LiveSet.of(this.liveRuleSet);
	}

	/**
	 * Compiles the directory without making it live. 200 whether or not it is valid: the
	 * validation itself succeeded, and {@code valid} says how it came out.
	 */
	@Operation(summary = "Compile the rules directory without making it live (200, valid or not)")
	@PostMapping("/validate")
	RulesApiViews.Validation validate() {
		RuleSetReport report = RuleSet.validate(this.liveRuleSet.rulesDir());
		return RulesApiViews.Validation.of(report, warnings(report));
	}

	/**
	 * Makes the directory live when it is valid (200); otherwise 422 with every problem,
	 * and the set in force keeps running.
	 */
	@Operation(summary = "Make the rules directory live if it is valid (200); otherwise 422 and the set in force stays")
	@PostMapping("/reload")
	ResponseEntity<?> reload(@AuthenticationPrincipal SignedInUser user) {
		String before = this.liveRuleSet.status().liveSet().map(RuleSet::version).orElse(null);
		RuleSetReport report = this.liveRuleSet.reload();
		LiveRuleSet.Status after = this.liveRuleSet.status();
		if (!report.isValid()) {
			logger.warn(user.getUsername() + " reloaded the rules; refused, " + report.problems().size()
					+ " problem(s); still in force: " + Optional.ofNullable(before).orElse("none"));
			return ResponseEntity.unprocessableContent().body(refusal(report, before));
		}
		logger.info(user.getUsername() + " reloaded the rules: version " + report.version() + " in force (was "
				+ Optional.ofNullable(before).orElse("none") + ")");
		return ResponseEntity.ok(new RulesApiViews.Reloaded(report.version(), before, !report.version().equals(before),
				after.loadedAt(), report.ruleCount()));
	}

	/**
	 * Runs the scenario tests against the directory on disk, as {@code test-rules} does.
	 * 200 whether they pass or not.
	 */
	@Operation(summary = "Run the scenario tests (*.scenarios.yml) against the rules directory (200, pass or fail)")
	@PostMapping("/test")
	RulesApiViews.ScenarioRun test() {
		return RulesApiViews.ScenarioRun.of(RuleScenarios.runAll(this.liveRuleSet.rulesDir()));
	}

	private void loadOnce() {
		try {
			this.liveRuleSet.current();
		}
		catch (InvalidRuleSetException ex) {
			// the status shows the refused attempt
		}
	}

	private List<String> warnings(RuleSetReport report) {
		List<String> warnings = new ArrayList<>();
		if (report.isValid()) {
			RuleScenarios scenarios = RuleScenarios.read(this.liveRuleSet.rulesDir());
			warnings.addAll(scenarios.problems());
			if (scenarios.scenarios().isEmpty()) {
				warnings.add("no scenario tests (*.scenarios.yml): changes to this set cannot be checked before they "
						+ "go live");
			}
		}
		return warnings;
	}

	private static ProblemDetail refusal(RuleSetReport report, String stillLive) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "The rule set in "
				+ report.rulesDir() + " has " + report.problems().size() + " problem(s) and was not made live; "
				+ ((stillLive != null) ? "version " + stillLive + " stays in force" : "no rule set is in force"));
		problem.setProperty("version", report.version());
		problem.setProperty("liveVersion", stillLive);
		problem.setProperty("errors", report.problems());
		return problem;
	}

}
