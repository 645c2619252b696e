package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.playbook.PlaybookProblem;
import com.successpilot.playbook.ReaderLanguages;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * The commands that check a rule set before it goes live — the configured rules
 * directory, or the one {@code --rules=DIR} names: {@code validate} compiles the set and
 * prints OK with its version and counts, or every problem as {@code file:line: message},
 * then a warning for each playbook text missing one of the languages CSMs read;
 * {@code test-rules} runs every scenario and prints what passed and what differed.
 */
@Configuration(proxyBeanMethods = false)
class RuleCommands {

	private final RulesProperties properties;

	RuleCommands(RulesProperties properties) {
		this.properties = properties;
	}

	@Bean
	Command validateCommand(ReaderLanguages languages) {
		return Command.of("validate", "[--rules=DIR]",
				"compile the rule set and list every problem (exit 1 when invalid)", (arguments, out) -> {
					Path dir = dir(arguments);
					RuleSetReport report = RuleSet.validate(dir);
					report.lines().forEach(out::println);
					// CSMs of every language in use read these texts; a missing one is
					// worth
					// fixing but no reason to keep a valid set from going live
					untranslated(dir, languages)
						.forEach((warning) -> out.println("WARNING " + warning + " (the CSM reads another language)"));
					return report.isValid() ? 0 : 1;
				});
	}

	@Bean
	Command testRulesCommand() {
		return Command.of("test-rules", "[--rules=DIR]",
				"run the rule scenarios (*.scenarios.yml) and report (exit 1 on a failure)", (arguments, out) -> {
					ScenarioReport report = RuleScenarios.runAll(dir(arguments));
					report.lines().forEach(out::println);
					return report.passed() ? 0 : 1;
				});
	}

	private Path dir(CommandArguments arguments) {
		return Path.of(arguments.text("rules", this.properties.dir().toString()));
	}

	private static List<PlaybookProblem> untranslated(Path dir, ReaderLanguages languages) {
		try {
			return PlaybookLibrary.load(dir).untranslated(languages.languages());
		}
		catch (IOException ex) {
			// the report above already says the directory cannot be read
			return List.of();
		}
	}

}
