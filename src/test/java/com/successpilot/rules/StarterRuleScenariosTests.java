package com.successpilot.rules;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every scenario CS ops wrote in the real {@code rules/} directory, one test each,
 * so {@code mvn verify} fails when a rule change breaks a scenario.
 */
class StarterRuleScenariosTests {

	private static final Path RULES = Path.of("rules");

	private static RuleSet ruleSet;

	private static RuleScenarios scenarios;

	@BeforeAll
	static void loadRules() {
		ruleSet = RuleSet.load(RULES);
		scenarios = RuleScenarios.read(RULES);
	}

	@Test
	void everyScenarioFileCanBeRead() {
		assertThat(scenarios.problems()).isEmpty();
		assertThat(scenarios.scenarios()).hasSizeGreaterThan(20);
	}

	@TestFactory
	Stream<DynamicTest> scenarios() {
		return scenarios.scenarios()
			.stream()
			.map((scenario) -> DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(),
					() -> assertThat(scenario.run(ruleSet).differences()).isEmpty()));
	}

}
