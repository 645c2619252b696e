package com.successpilot.rules;

import java.util.List;

/**
 * The outcome of one scenario: passed when nothing differed from what it expected.
 *
 * @param file the scenario file, relative to the rules directory
 * @param name the scenario's name
 * @param differences what differed, in words; empty when it passed
 */
public record ScenarioResult(String file, String name, List<String> differences) {

	public ScenarioResult {
		differences = List.copyOf(differences);
	}

	public boolean passed() {
		return this.differences.isEmpty();
	}

}
