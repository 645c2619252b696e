package com.successpilot.rules.internal;

import java.time.Instant;
import java.util.List;

import com.successpilot.playbook.Playbook;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleFile;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetProblem;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.rules.ScenarioReport;
import com.successpilot.rules.ScenarioResult;

/**
 * The JSON bodies of {@code /api/rules}.
 */
final class RulesApiViews {

	private RulesApiViews() {
	}

	/**
	 * {@code GET /api/rules}: the set in force (its fields null when none is) and the
	 * last attempt to load one.
	 */
	record LiveSet(String rulesDir, String version, Instant loadedAt, Integer ruleCount, List<RuleFile> files,
			List<String> playbooks, LastReload lastReload) {

		static LiveSet of(LiveRuleSet liveRuleSet) {
			LiveRuleSet.Status status = liveRuleSet.status();
			LastReload lastReload = status.lastLoadAttempt().map(LastReload::of).orElse(null);
			RuleSet live = status.live();
			if (live == null) {
				return new LiveSet(liveRuleSet.rulesDir().toString(), null, null, null, List.of(), List.of(),
						lastReload);
			}
			List<String> playbooks = live.playbooks().all().stream().map(Playbook::name).sorted().toList();
			return new LiveSet(liveRuleSet.rulesDir().toString(), live.version(), status.loadedAt(),
					live.report().ruleCount(), live.files(), playbooks, lastReload);
		}

	}

	/**
	 * The last load or reload: when, whether it was refused, the version it read and,
	 * when refused, why.
	 */
	record LastReload(Instant at, boolean refused, String version, List<RuleSetProblem> errors) {

		static LastReload of(LiveRuleSet.LoadAttempt attempt) {
			return new LastReload(attempt.at(), attempt.refused(), attempt.report().version(),
					attempt.report().problems());
		}

	}

	/**
	 * {@code POST /api/rules/validate}: the directory's report; warnings do not keep a
	 * set from going live (scenario files that cannot be read, no scenarios at all).
	 */
	record Validation(boolean valid, String version, String rulesDir, int ruleCount, List<RuleSetProblem> errors,
			List<String> warnings) {

		static Validation of(RuleSetReport report, List<String> warnings) {
			return new Validation(report.isValid(), report.version(), report.rulesDir().toString(), report.ruleCount(),
					report.problems(), warnings);
		}

	}

	/**
	 * {@code POST /api/rules/reload} when the set went live.
	 */
	record Reloaded(String version, String previousVersion, boolean changed, Instant loadedAt, int ruleCount) {

	}

	/**
	 * {@code POST /api/rules/test}: one entry per scenario, and problems that kept
	 * scenarios from running (unreadable files, an invalid rule set).
	 */
	record ScenarioRun(boolean passed, int scenarios, long failed, List<Result> results, List<String> problems) {

		static ScenarioRun of(ScenarioReport report) {
			return new ScenarioRun(report.passed(), report.results().size(), report.failedCount(),
					report.results().stream().map(Result::of).toList(), report.problems());
		}

		record Result(String file, String name, boolean passed, List<String> differences) {

			static Result of(ScenarioResult result) {
				return new Result(result.file(), result.name(), result.passed(), result.differences());
			}

		}

	}

}
