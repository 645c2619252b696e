package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.successpilot.rules.internal.ScenarioFiles;

/**
 * The scenarios of a rules directory ({@code **}{@code /*.scenarios.yml}, with the
 * defaults in {@code scenario-defaults.yml}), and the problems of files that could not be
 * read.
 */
public final class RuleScenarios {

	private final List<Scenario> scenarios;

	private final List<String> problems;

	private RuleScenarios(List<Scenario> scenarios, List<String> problems) {
		this.scenarios = List.copyOf(scenarios);
		this.problems = List.copyOf(problems);
	}

	public static RuleScenarios read(Path rulesDir) {
		try {
			ScenarioFiles files = ScenarioFiles.read(rulesDir);
			return new RuleScenarios(files.scenarios(), files.problems());
		}
		catch (IOException ex) {
			return new RuleScenarios(List.of(), List.of(rulesDir + ": cannot read scenarios: " + ex));
		}
	}

	/**
	 * Loads the rule set and runs every scenario of the directory: what
	 * {@code test-rules} does. An invalid rule set fails the run with its problems.
	 */
	public static ScenarioReport runAll(Path rulesDir) {
		RuleScenarios scenarios = read(rulesDir);
		try {
			return scenarios.run(RuleSet.load(rulesDir));
		}
		catch (InvalidRuleSetException ex) {
			List<String> problems = new ArrayList<>(scenarios.problems);
			ex.report().problems().forEach((problem) -> problems.add(problem.toString()));
			return new ScenarioReport(List.of(), problems);
		}
	}

	public ScenarioReport run(RuleSet ruleSet) {
		return new ScenarioReport(this.scenarios.stream().map((scenario) -> scenario.run(ruleSet)).toList(),
				this.problems);
	}

	public List<Scenario> scenarios() {
		return this.scenarios;
	}

	public List<String> problems() {
		return this.problems;
	}

}
