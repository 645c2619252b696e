package com.successpilot.rules;

/**
 * One file of a rules directory that the rule set is made of, or that tests it.
 *
 * @param path relative to the rules directory, with {@code /}
 * @param kind what the file is
 */
public record RuleFile(String path, Kind kind) {

	/**
	 * The kinds of files a rules directory holds.
	 */
	public enum Kind {

		/** A {@code .drl} rule file. */
		DRL,
		/** A {@code .drl.csv}/{@code .drl.xls(x)} decision table. */
		DECISION_TABLE,
		/** A playbook, {@code playbooks/<name>.yml}. */
		PLAYBOOK,
		/**
		 * A {@code *.scenarios.yml} file of scenario tests (not part of the version).
		 */
		SCENARIO

	}

}
