package com.successpilot.rules.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.successpilot.SuccessPilotApplication;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSetReport;

/**
 * A serving process loads the rule set as soon as it is up, so health and info report the
 * version in force (or why there is none) from the first probe on, and the first probe
 * does not pay for compiling it.
 */
@Component
@ConditionalOnBooleanProperty(SuccessPilotApplication.SERVING)
class RulesWarmUp {

	private static final Log logger = LogFactory.getLog(RulesWarmUp.class);

	private final LiveRuleSet liveRuleSet;

	RulesWarmUp(LiveRuleSet liveRuleSet) {
		this.liveRuleSet = liveRuleSet;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadRules() {
		RuleSetReport report = this.liveRuleSet.reload();
		if (report.isValid()) {
			logger.info("Rules version " + report.version() + " in force (" + report.ruleCount() + " rules from "
					+ this.liveRuleSet.rulesDir() + ")");
		}
		else {
			logger.warn(String.join("\n  ", report.lines()));
		}
	}

}
