package com.successpilot.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What compiling a rules directory found: its version (a hash of its content), what it
 * holds, and every problem. A set with any problem never goes live.
 *
 * @param rulesDir the directory read
 * @param version the first 12 hex digits of the SHA-256 of the set's rule files, decision
 * tables, playbooks and {@code attention.yml} (paths and contents, as read for
 * compiling); scenarios and docs do not count
 * @param ruleCount the rules compiled (DRL rules and decision table rows)
 * @param ruleFiles the {@code .drl} files
 * @param decisionTables the {@code .drl.csv}/{@code .drl.xls(x)} files
 * @param playbooks the playbooks read
 * @param problems every problem, sorted by file and line
 */
public record RuleSetReport(Path rulesDir, String version, int ruleCount, int ruleFiles, int decisionTables,
		int playbooks, List<RuleSetProblem> problems) {

	public RuleSetReport {
		problems = List.copyOf(problems);
	}

	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/**
	 * The report as a person reads it: OK with version and counts, or one
	 * {@code file:line: message} line per problem.
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		if (isValid()) {
			lines.add("OK " + this.rulesDir + " version " + this.version + ": " + this.ruleCount + " rules in "
					+ this.ruleFiles + " rule files, " + this.decisionTables + " decision tables, " + this.playbooks
					+ " playbooks");
		}
		else {
			lines.add("INVALID " + this.rulesDir + " version " + this.version + ": " + this.problems.size()
					+ " problem(s)");
			this.problems.forEach((problem) -> lines.add(problem.toString()));
		}
		return lines;
	}

}
