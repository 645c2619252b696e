package com.successpilot.rules;

/**
 * Thrown when a rule set with problems would have gone live; the report says why.
 */
public class InvalidRuleSetException extends RuntimeException {

	private final transient RuleSetReport report;

	public InvalidRuleSetException(RuleSetReport report) {
		super("The rule set in " + report.rulesDir() + " is invalid:\n" + String.join("\n", report.lines()));
		this.report = report;
	}

	public RuleSetReport report() {
		return this.report;
	}

}
