package com.successpilot.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTests {

	@Test
	void reportNamesEachScenarioAndWhatDiffered() {
		ScenarioReport report = RuleScenarios.runAll(RuleFixtures.VALID);

		assertThat(report.passed()).isFalse();
		assertThat(report.failedCount()).isEqualTo(1);
		assertThat(report.lines()).containsSubsequence(
				"PASS usage/decline.scenarios.yml: A 30% decline raises the rescue",
				"FAIL usage/decline.scenarios.yml: A 30% decline wrongly expected to raise nothing",
				"       expected playbook 'support-effort-review' to be raised, but it was not (raised: usage-decline-rescue)",
				"       expected playbook 'usage-decline-rescue' not to be raised, but rule \"Usage declining beyond the threshold\" raised it: Active users down -30% (limit 20%)",
				"2 scenarios: 1 passed, 1 failed - FAILED");
	}

	@Test
	void occurrenceExpectationSaysWhichOccurrenceTheRuleNamedInstead() {
		ScenarioReport report = RuleScenarios.runAll(RuleFixtures.OCCURRENCE);

		assertThat(report.lines()).containsSubsequence(
				"PASS sentiment/detractor.scenarios.yml: A detractor answer is the occurrence",
				"FAIL sentiment/detractor.scenarios.yml: Expecting an earlier answer fails",
				"       expected playbook 'detractor-call' to be raised for occurrence 'NPS-6', but it was raised for ['NPS-7']",
				"FAIL sentiment/detractor.scenarios.yml: Expecting an occurrence of a playbook not raised fails",
				"       expected playbook 'detractor-call' to be raised for occurrence 'NPS-1', but it was not raised",
				"       expected playbook 'nps-survey-reminder' to be raised for occurrence '', but it was not raised",
				"3 scenarios: 1 passed, 2 failed - FAILED");
	}

	@Test
	void invalidRuleSetFailsTheRunWithItsProblems() {
		ScenarioReport report = RuleScenarios.runAll(RuleFixtures.BROKEN);

		assertThat(report.passed()).isFalse();
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).startsWith("ERROR unknown-playbook.drl:11"));
	}

}
