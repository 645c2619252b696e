package com.successpilot.ingest;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.ingest.internal.SourceConnections;
import com.successpilot.ingest.internal.SourceSampler;
import com.successpilot.ingest.internal.SourceWatermarks;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.ThresholdCatalogue;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;
import com.successpilot.system.NearestName;

/**
 * {@code sources}: the feeds pulled from databases with their watermarks; {@code test}
 * connects to each, runs its query on a few rows and checks them as the import would,
 * writing nothing; {@code reset} sets a feed's watermark so its next pull starts from a
 * date.
 */
@Configuration(proxyBeanMethods = false)
class SourceCommands {

	@Bean
	Command sourcesCommand(ImportDefinition definition, SourceWatermarks watermarks, JdbcTemplate jdbc,
			LiveRuleSet rules, Clock clock) {
		return Command.of("sources", "[test [FEED…] [--limit=5] [--date=YYYY-MM-DD] | reset FEED --since=YYYY-MM-DD]",
				"the feeds pulled from SQL sources and their watermarks; test: connect, run each query on a few rows "
						+ "and check them as the import would (writes nothing); reset: the next pull of FEED starts "
						+ "from --since",
				(arguments, out) -> {
					List<String> operands = arguments.operands();
					List<FeedDefinition> feeds = definition.feeds()
						.stream()
						.filter(FeedDefinition::isSqlSource)
						.toList();
					if (operands.isEmpty()) {
						return list(definition, feeds, watermarks, out);
					}
					if (operands.get(0).equals("test")) {
						SourceSampler sampler = new SourceSampler(jdbc, watermarks, SourceConnections.ofSystem(),
								() -> catalogue(rules));
						return test(sampler, select(feeds, operands.subList(1, operands.size()), definition),
								arguments.date("date", LocalDate.now(clock)), arguments.number("limit", 5), out);
					}
					if (operands.get(0).equals("reset") && operands.size() == 2) {
						FeedDefinition feed = select(feeds, operands.subList(1, 2), definition).get(0);
						LocalDate since = arguments.date("since", null);
						if (since == null) {
							throw new IllegalArgumentException("sources reset " + feed.name()
									+ " needs --since=YYYY-MM-DD: where its next pull starts");
						}
						watermarks.reset(feed, since.atStartOfDay(),
								"os:" + System.getProperty("user.name", "unknown"));
						out.println(feed.name() + ": the next pull reads the rows of data source '"
								+ feed.source().dataSource().name() + "' after " + since.atStartOfDay()
								+ ", whatever night it is for.");
						return 0;
					}
					out.println("Usage: sources | sources test [FEED…] [--limit=5] [--date=YYYY-MM-DD] | "
							+ "sources reset FEED --since=YYYY-MM-DD");
					return 2;
				});
	}

	private static int list(ImportDefinition definition, List<FeedDefinition> feeds, SourceWatermarks watermarks,
			PrintStream out) {
		if (feeds.isEmpty()) {
			out.println("No feed of " + definition.source() + " has a source: every feed reads files "
					+ "(docs/sources.md says how to pull one from a database).");
			return 0;
		}
		out.printf("%-20s %-16s %-28s %-12s %10s%n", "feed", "data source", "watermark (next :since)", "last night",
				"rows");
		for (FeedDefinition feed : feeds) {
			var stored = watermarks.find(feed.name());
			out.printf("%-20s %-16s %-28s %-12s %10s%n", feed.name(), feed.source().dataSource().name(),
					stored.map((w) -> String.valueOf(w.watermark()))
						.orElse(feed.source().initialWatermark() + " (first pull)"),
					stored.map((w) -> String.valueOf(w.pulledFor())).orElse("-"),
					stored.map((w) -> String.format("%,d", w.rowsPulled())).orElse("-"));
		}
		return 0;
	}

	private static int test(SourceSampler sampler, List<FeedDefinition> feeds, LocalDate date, int limit,
			PrintStream out) {
		if (feeds.isEmpty()) {
			out.println("No feed has a source: nothing to test.");
			return 0;
		}
		if (limit < 1) {
			throw new IllegalArgumentException("--limit must be at least 1");
		}
		int withProblems = 0;
		for (FeedDefinition feed : feeds) {
			SourceSampler.Sample sample = sampler.sample(feed, date, limit);
			out.printf("%n%s ← data source '%s' (%s), rows after %s up to %s%n", feed.name(),
					feed.source().dataSource().name(), feed.source().dataSource().printableUrl(), sample.since(),
					sample.until());
			if (sample.connectMillis() >= 0) {
				out.printf("  connected in %d ms; %d sample row%s (--limit=%d)%n", sample.connectMillis(),
						sample.rows().size(), (sample.rows().size() == 1) ? "" : "s", limit);
			}
			for (SourceSampler.SampleRow row : sample.rows()) {
				out.println("  " + row.raw());
				out.println("      → " + ((row.rejection() != null) ? "REJECTED: " + row.rejection()
						: (row.warning() != null) ? "imported with a warning: " + row.warning() : "ok"));
			}
			if (sample.problems().isEmpty()) {
				out.println("  no problem found");
			}
			else {
				withProblems++;
				out.println("  problems:");
				sample.problems().forEach((problem) -> out.println("    - " + problem));
			}
		}
		out.printf("%n%d of %d source%s with problems%n", withProblems, feeds.size(), (feeds.size() == 1) ? "" : "s");
		return (withProblems == 0) ? 0 : 1;
	}

	private static List<FeedDefinition> select(List<FeedDefinition> feeds, List<String> names,
			ImportDefinition definition) {
		if (names.isEmpty()) {
			return feeds;
		}
		List<String> known = feeds.stream().map(FeedDefinition::name).toList();
		return names.stream()
			.map((name) -> feeds.stream()
				.filter((feed) -> feed.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("'" + name + "' is no feed with a source in "
						+ definition.source() + "; those are " + known + NearestName.suggestion(name, known))))
			.toList();
	}

	private static ThresholdCatalogue catalogue(LiveRuleSet rules) {
		try {
			return rules.current().thresholds();
		}
		catch (InvalidRuleSetException ex) {
			return ThresholdCatalogue.absent();
		}
	}

}
