package com.successpilot.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.Threshold;

/**
 * The fixture rule sets under {@code src/test/resources/rules-fixtures/} and accounts to
 * judge with them.
 */
final class RuleFixtures {

	static final Path FIXTURES = Path.of("src/test/resources/rules-fixtures");

	static final Path VALID = FIXTURES.resolve("valid");

	static final Path BROKEN = FIXTURES.resolve("broken");

	static final Path THROWING = FIXTURES.resolve("throwing");

	static final Path OCCURRENCE = FIXTURES.resolve("occurrence");

	private RuleFixtures() {
	}

	static AccountFacts account(String id, String name, double trendPct) {
		return AccountFacts.builder()
			.accountId(id)
			.accountName(name)
			.segment("smb")
			.lifecycleStage("adoption")
			.runDate(LocalDate.of(2026, 10, 15))
			.activeUsersTrendPct(trendPct)
			.build();
	}

	static List<Threshold> declineLimit(String accountId, double pct) {
		return List.of(new Threshold(accountId, "usage_decline_pct", pct, Threshold.SEGMENT));
	}

	static Path copy(Path source, Path target) {
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path path : walk.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
