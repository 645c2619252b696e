package com.successpilot.rules;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code test-rules [--rules=DIR]}: runs every scenario of the rule set and prints what
 * passed and what differed.
 */
@Component
class TestRulesCommand implements Command {

	private final RulesProperties properties;

	TestRulesCommand(RulesProperties properties) {
		this.properties = properties;
	}

	@Override
	public String name() {
		return "test-rules";
	}

	@Override
	public String usage() {
		return "test-rules [--rules=DIR]   run the rule scenarios (*.scenarios.yml) and report (exit 1 on a failure)";
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) {
		Path dir = Path.of(arguments.text("rules", this.properties.dir().toString()));
		ScenarioReport report = RuleScenarios.runAll(dir);
		report.lines().forEach(out::println);
		return report.passed() ? 0 : 1;
	}

}
