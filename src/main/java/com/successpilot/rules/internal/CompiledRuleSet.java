package com.successpilot.rules.internal;

import java.util.List;

import org.kie.api.KieBase;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.RuleFile;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.rules.RuleSetSource;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * The result of compiling a rules directory: the report, what was compiled (the source,
 * null when the directory could not be read) and the files listed, and when it is valid
 * the knowledge base, playbooks and threshold catalogue to judge accounts with.
 */
public record CompiledRuleSet(RuleSetReport report, RuleSetSource source, List<RuleFile> files, KieBase kieBase,
		PlaybookLibrary playbooks, boolean declaresPlaybookGlobal, AttentionPolicy attention,
		ThresholdCatalogue thresholds) {

	public CompiledRuleSet {
		files = List.copyOf(files);
	}

	static CompiledRuleSet invalid(RuleSetReport report, RuleSetSource source) {
		List<RuleFile> files = (source != null) ? RuleSetFiles.listing(source.paths(), source.scenarioFiles())
				: List.of();
		return new CompiledRuleSet(report, source, files, null, null, false, null, null);
	}

	public boolean isValid() {
		return this.report.isValid();
	}

}
