package com.successpilot.judgement;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * The commands that show what a rule change would do before it goes live: {@code preview}
 * judges the stored facts of a night with a draft and with the set in force and prints
 * the difference; {@code backtest} replays a set over past nights. Neither writes
 * anything but the CSV file asked for. An invalid draft is refused with every problem as
 * {@code file:line: message} (exit 1).
 */
@Configuration(proxyBeanMethods = false)
class RuleChangeCommands {

	@Bean
	Command previewCommand(RuleChangePreview preview, LiveRuleSet liveRuleSet) {
		return Command.of("preview", "[--rules=DIR] [--thresholds=FILE…] [--date=YYYY-MM-DD] [--csv=FILE]",
				"what a draft rule set (and draft account thresholds) would create, close and re-prioritise on a "
						+ "night's facts, against the set in force; writes nothing (exit 1 when the draft is invalid)",
				(arguments, out) -> {
					Optional<RuleSet> draft = load(Path.of(arguments.text("rules", liveRuleSet.rulesDir().toString())),
							out);
					if (draft.isEmpty()) {
						return 1;
					}
					DraftThresholds thresholds = DraftThresholds.NONE;
					for (String file : arguments.texts("thresholds")) {
						thresholds = thresholds.and(DraftThresholds.parse(file, read(file)));
					}
					LocalDate night = night(arguments, preview);
					PreviewReport report = preview.preview(draft.get(), thresholds, night);
					report.lines().forEach(out::println);
					csv(arguments, report.csv(), out);
					return 0;
				});
	}

	@Bean
	Command backtestCommand(RuleBacktest backtest, LiveRuleSet liveRuleSet) {
		return Command.of("backtest", "[--rules=DIR] --from=YYYY-MM-DD --to=YYYY-MM-DD [--csv=FILE]",
				"replay a rule set over the stored facts of past nights: tasks per rule and playbook, and how early "
						+ "it flagged the accounts that churned or downgraded; writes nothing",
				(arguments, out) -> {
					LocalDate from = arguments.date("from", null);
					LocalDate to = arguments.date("to", null);
					if (from == null || to == null || to.isBefore(from)) {
						throw new IllegalArgumentException("--from and --to are required, --to not before --from");
					}
					Optional<RuleSet> ruleSet = load(
							Path.of(arguments.text("rules", liveRuleSet.rulesDir().toString())), out);
					if (ruleSet.isEmpty()) {
						return 1;
					}
					if (backtest.nights(from, to).isEmpty()) {
						throw new IllegalStateException("No facts are stored for any night from " + from + " to " + to);
					}
					BacktestReport report = backtest.backtest(ruleSet.get(), from, to);
					report.lines().forEach(out::println);
					csv(arguments, report.csv(), out);
					return 0;
				});
	}

	private static Optional<RuleSet> load(Path dir, PrintStream out) {
		try {
			return Optional.of(RuleSet.load(dir));
		}
		catch (InvalidRuleSetException ex) {
			ex.report().lines().forEach(out::println);
			out.println("The draft is invalid: nothing was previewed");
			return Optional.empty();
		}
	}

	private static LocalDate night(CommandArguments arguments, RuleChangePreview preview) {
		LocalDate night = arguments.date("date", null);
		if (night == null) {
			return preview.latestJudgedNight()
				.orElseThrow(() -> new IllegalStateException(
						"No night has been judged yet: run the nightly job first, or give --date=YYYY-MM-DD"));
		}
		if (!preview.hasFacts(night)) {
			throw new IllegalStateException("No facts are stored for " + night + "; the latest judged night is "
					+ preview.latestJudgedNight().map(LocalDate::toString).orElse("none"));
		}
		return night;
	}

	private static String read(String file) throws IOException {
		return Files.readString(Path.of(file), StandardCharsets.UTF_8);
	}

	private static void csv(CommandArguments arguments, String csv, PrintStream out) throws IOException {
		String file = arguments.text("csv", null);
		if (file != null) {
			Files.writeString(Path.of(file), csv, StandardCharsets.UTF_8);
			out.println("Written to " + file);
		}
	}

}
