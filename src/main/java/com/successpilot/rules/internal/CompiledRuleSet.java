package com.successpilot.rules.internal;

import org.kie.api.KieBase;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.RuleSetReport;

/**
 * The result of compiling a rules directory: the report, and when it is valid the
 * knowledge base and playbooks to judge accounts with.
 */
public record CompiledRuleSet(RuleSetReport report, KieBase kieBase, PlaybookLibrary playbooks,
		boolean declaresPlaybookGlobal) {

	static CompiledRuleSet invalid(RuleSetReport report) {
		return new CompiledRuleSet(report, null, null, false);
	}

	public boolean isValid() {
		return this.report.isValid();
	}

}
