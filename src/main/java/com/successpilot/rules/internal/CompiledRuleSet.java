package com.successpilot.rules.internal;

import java.util.List;

import org.kie.api.KieBase;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.RuleFile;
import com.successpilot.rules.RuleSetReport;

/**
 * The result of compiling a rules directory: the report, the files read, and when it is
 * valid the knowledge base and playbooks to judge accounts with.
 */
public record CompiledRuleSet(RuleSetReport report, List<RuleFile> files, KieBase kieBase, PlaybookLibrary playbooks,
		boolean declaresPlaybookGlobal, AttentionPolicy attention) {

	public CompiledRuleSet {
		files = List.copyOf(files);
	}

	static CompiledRuleSet invalid(RuleSetReport report, List<RuleFile> files) {
		return new CompiledRuleSet(report, files, null, null, false, null);
	}

	public boolean isValid() {
		return this.report.isValid();
	}

}
