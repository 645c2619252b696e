package com.successpilot.judgement;

import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.rules.RuleSetVersions;
import com.successpilot.run.RunPreflight;

/**
 * Reads the rule set again before a run that judges accounts. When the files in the rules
 * directory are invalid the night runs on the last good version — the one in force in
 * this process, else the version that went live last — and the run records why; only when
 * no version has ever gone live is the run refused, with every error as file:line, before
 * anything is imported.
 */
@Component
class RulesPreflight implements RunPreflight {

	private static final Log logger = LogFactory.getLog(RulesPreflight.class);

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
		RuleSetReport report = this.liveRuleSet.reload(RuleSetVersions.How.RUN);
		if (report.isValid()) {
			return;
		}
		LiveRuleSet.Status status = this.liveRuleSet.status();
		if (status.live() == null) {
			throw new RunRefusedException("The rule set in " + this.liveRuleSet.rulesDir()
					+ " is invalid and no earlier version has gone live to stand in for it, so the run did not start:\n  "
					+ String.join("\n  ", report.lines()));
		}
		logger.warn("The rule set in " + this.liveRuleSet.rulesDir() + " is invalid; " + jobName
				+ " runs on the last good version " + status.live().version() + ":\n  "
				+ String.join("\n  ", report.lines()));
	}

}
