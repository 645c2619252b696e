package com.successpilot.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of running the scenarios of a rules directory, printed by
 * {@code test-rules}.
 *
 * @param results one per scenario, in file order
 * @param problems scenario files that could not be read, or why the rule set could not be
 * loaded
 */
public record ScenarioReport(List<ScenarioResult> results, List<String> problems) {

	public ScenarioReport {
		results = List.copyOf(results);
		problems = List.copyOf(problems);
	}

	public boolean passed() {
		return this.problems.isEmpty() && this.results.stream().allMatch(ScenarioResult::passed);
	}

	public long failedCount() {
		return this.results.stream().filter((result) -> !result.passed()).count();
	}

	/**
	 * One line per scenario ({@code PASS}/{@code FAIL}, file and name), each difference
	 * indented under a failure, and a summary line.
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		this.problems.forEach((problem) -> lines.add("ERROR " + problem));
		for (ScenarioResult result : this.results) {
			lines.add((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.name());
			result.differences().forEach((difference) -> lines.add("       " + difference));
		}
		lines.add(this.results.size() + " scenarios: " + (this.results.size() - failedCount()) + " passed, "
				+ failedCount() + " failed" + (this.problems.isEmpty() ? "" : ", " + this.problems.size() + " errors")
				+ (passed() ? " - OK" : " - FAILED"));
		return lines;
	}

}
