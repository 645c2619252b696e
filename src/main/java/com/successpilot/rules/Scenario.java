package com.successpilot.rules;

/**
 * One scenario from a {@code *.scenarios.yml} file: given facts, what the rules must and
 * must not decide.
 */
public interface Scenario {

	/** The scenario file, relative to the rules directory. */
	String file();

	String name();

	/**
	 * Judges the scenario's account with the rule set and compares with what it expects.
	 */
	ScenarioResult run(RuleSet ruleSet);

}
