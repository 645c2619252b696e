package com.successpilot.portfolio;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.successpilot.portfolio.DemoPortfolio.Archetype;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

import org.springframework.stereotype.Component;

/**
 * {@code generate-portfolio}: writes a demo portfolio's feed files to the inbox, ready
 * for the nightly import.
 */
@Component
class GeneratePortfolioCommand extends Command {

	private final Clock clock;

	GeneratePortfolioCommand(Clock clock) {
		super("generate-portfolio", "[--accounts=200] [--date=YYYY-MM-DD] [--seed=42] [--inbox=var/inbox]",
				"write a synthetic customer portfolio as feed files");
		this.clock = clock;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		int accounts = arguments.number("accounts", 200);
		LocalDate businessDate = arguments.date("date", LocalDate.now(this.clock));
		long seed = seed(arguments.text("seed", "42"));
		Path inbox = Path.of(arguments.text("inbox", "var/inbox"));
		long started = System.nanoTime();
		PortfolioSummary summary = DemoPortfolio.generate(inbox, accounts, businessDate, seed);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		print(summary, took, out);
		return 0;
	}

	private static long seed(String value) {
		try {
			return Long.parseLong(value.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--seed must be a whole number, not '" + value + "'");
		}
	}

	private static void print(PortfolioSummary summary, Duration took, PrintStream out) {
		out.printf("Generated %,d accounts for business date %s (seed %d) in %.1f s:%n", summary.accounts(),
				summary.businessDate(), summary.seed(), took.toMillis() / 1000.0);
		int index = 0;
		for (Map.Entry<String, Long> feed : summary.rowsPerFeed().entrySet()) {
			out.printf("  %-20s %,12d rows  %s%n", feed.getKey(), feed.getValue(), summary.files().get(index++));
		}
		out.println("Archetypes:");
		for (Map.Entry<Archetype, Integer> archetype : summary.accountsPerArchetype().entrySet()) {
			out.printf("  %-20s %,9d  %s%n", archetype.getKey().label(), archetype.getValue(),
					archetype.getKey().signals());
		}
	}

}
