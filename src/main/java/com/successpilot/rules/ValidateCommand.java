package com.successpilot.rules;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code validate [--rules=DIR]}: compiles the rule set and prints OK with its version
 * and counts, or every problem as {@code file:line: message}.
 */
@Component
class ValidateCommand implements Command {

	private final RulesProperties properties;

	ValidateCommand(RulesProperties properties) {
		this.properties = properties;
	}

	@Override
	public String name() {
		return "validate";
	}

	@Override
	public String usage() {
		return "validate [--rules=DIR]   compile the rule set and list every problem (exit 1 when invalid)";
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) {
		Path dir = Path.of(arguments.text("rules", this.properties.dir().toString()));
		RuleSetReport report = RuleSet.validate(dir);
		report.lines().forEach(out::println);
		return report.isValid() ? 0 : 1;
	}

}
