package com.successpilot.rules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.playbook.PlaybookProblem;
import com.successpilot.playbook.ReaderLanguages;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code validate [--rules=DIR]}: compiles the rule set and prints OK with its version
 * and counts, or every problem as {@code file:line: message}; then a warning for each
 * playbook text missing one of the languages CSMs read.
 */
@Component
class ValidateCommand implements Command {

	private final RulesProperties properties;

	private final ReaderLanguages languages;

	ValidateCommand(RulesProperties properties, ReaderLanguages languages) {
		this.properties = properties;
		this.languages = languages;
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
		// CSMs of every language in use read these texts; a missing one is worth fixing
		// but no reason to keep a valid set from going live
		untranslated(dir).forEach((warning) -> out.println("WARNING " + warning + " (the CSM reads another language)"));
		return report.isValid() ? 0 : 1;
	}

	private List<PlaybookProblem> untranslated(Path dir) {
		try {
			return PlaybookLibrary.load(dir).untranslated(this.languages.languages());
		}
		catch (IOException ex) {
			// the report above already says the directory cannot be read
			return List.of();
		}
	}

}
