package com.successpilot.judgement;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.run.RunPreflight;

/**
 * Reads the rule set before a run that judges accounts; an invalid set refuses the run
 * with every error as file:line, before anything is imported.
 */
@Component
class RulesPreflight implements RunPreflight {

	private static final Set<String> JUDGING_JOBS = Set.of("nightlyJob", "renewalJob");

	private final LiveRuleSet liveRuleSet;

	RulesPreflight(LiveRuleSet liveRuleSet) {
		this.liveRuleSet = liveRuleSet;
	}

	@Override
	public void check(String jobName) {
		if (!JUDGING_JOBS.contains(jobName)) {
			return;
		}
		RuleSetReport report = this.liveRuleSet.reload();
		if (!report.isValid()) {
			throw new RunRefusedException("The rule set in " + this.liveRuleSet.rulesDir()
					+ " is invalid, so the run did not start:\n  " + String.join("\n  ", report.lines()));
		}
	}

}
