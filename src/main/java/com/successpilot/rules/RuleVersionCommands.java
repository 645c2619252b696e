package com.successpilot.rules;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code rules versions | diff | rollback}: the rule set versions that went live, what
 * changed between two, and writing one back into the rules directory.
 */
@Configuration(proxyBeanMethods = false)
class RuleVersionCommands {

	private static final String USAGE = "rules versions | rules diff FROM TO | rules rollback --to=VERSION [--rules=DIR]";

	@Bean
	Command rulesCommand(RulesProperties properties, RuleSetVersions versions) {
		return Command.of("rules", "versions | diff FROM TO | rollback --to=VERSION [--rules=DIR]",
				"list the rule set versions that went live, show what changed between two, or write one back "
						+ "into the rules directory",
				(arguments, out) -> {
					List<String> operands = arguments.operands();
					String action = operands.isEmpty() ? "" : operands.get(0);
					return switch (action) {
						case "versions" -> list(versions, out);
						case "diff" -> diff(versions, operands, out);
						case "rollback" -> rollBack(versions, properties, arguments, out);
						default -> {
							out.println("Usage: " + USAGE);
							yield 2;
						}
					};
				});
	}

	private static int list(RuleSetVersions versions, PrintStream out) {
		List<RuleSetVersions.Version> kept = versions.list();
		if (kept.isEmpty()) {
			out.println("No rule set version has been kept yet: one is kept when it first goes live.");
			return 0;
		}
		out.println("version        went live              by                 how        files");
		for (RuleSetVersions.Version version : kept) {
			if (version.activations().isEmpty()) {
				out.printf("%-14s %-22s %-18s %-10s %5d%n", version.version(), "(never live)", "", "", version.files());
			}
			for (RuleSetVersions.Activation activation : version.activations()) {
				out.printf("%-14s %-22s %-18s %-10s %5d%n", version.version(),
						activation.at().withNano(0).toString().replace('T', ' '), activation.by(),
						activation.how().name().toLowerCase(java.util.Locale.ROOT), version.files());
			}
		}
		return 0;
	}

	private static int diff(RuleSetVersions versions, List<String> operands, PrintStream out) {
		if (operands.size() != 3) {
			out.println("Usage: rules diff FROM TO  (two versions, as 'rules versions' lists them)");
			return 2;
		}
		List<RuleSetVersions.FileChange> changes = versions.diff(operands.get(1), operands.get(2));
		if (changes.isEmpty()) {
			out.println("No difference between " + operands.get(1) + " and " + operands.get(2) + ".");
		}
		changes.forEach((change) -> change.unifiedDiff().forEach(out::println));
		return 0;
	}

	private static int rollBack(RuleSetVersions versions, RulesProperties properties, CommandArguments arguments,
			PrintStream out) throws Exception {
		String version = arguments.text("to", "");
		if (version.isEmpty()) {
			out.println("Usage: rules rollback --to=VERSION [--rules=DIR]  ('rules versions' lists them)");
			return 2;
		}
		Path dir = Path.of(arguments.text("rules", properties.dir().toString()));
		RuleSetRollback.Result result = new RuleSetRollback(versions).rollBack(dir, version, Actor.current());
		if (result.overwritten().equals(version)) {
			out.println(dir + " already holds version " + version + ": nothing written.");
			return 0;
		}
		out.println("Wrote version " + version + " back into " + dir + ", overwriting version " + result.overwritten()
				+ " (kept: 'rules rollback --to=" + result.overwritten() + "' brings it back).");
		result.written().forEach((path) -> out.println("  written  " + path));
		result.removed().forEach((path) -> out.println("  removed  " + path));
		if (!result.compiles()) {
			out.println("WARNING: version " + version + " does not compile with this release; 'validate' lists why. "
					+ "Runs keep the last good version until the files are fixed.");
			return 1;
		}
		out.println("It goes live at the next run, or now with POST /api/rules/reload on a running server.");
		return 0;
	}

}
