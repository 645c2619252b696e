package com.successpilot.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;

import com.successpilot.MutableClock;
import com.successpilot.system.CommandArguments;

/**
 * {@code generate-portfolio} from the command line: options in, files and a summary out.
 */
class GeneratePortfolioCommandTests {

	@TempDir
	Path inbox;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final MutableClock clock = new MutableClock();

	@Test
	void writesThePortfolioToTheInboxAndPrintsWhatItWrote() throws Exception {
		int exitCode = run("generate-portfolio", "--accounts=80", "--date=2026-11-23", "--seed=5",
				"--inbox=" + this.inbox);

		assertThat(exitCode).isZero();
		assertThat(this.inbox.resolve("accounts/accounts-2026-11-23.csv")).isRegularFile();
		assertThat(FeedTable.read(this.inbox, "accounts", LocalDate.of(2026, 11, 23)).rows()).hasSize(80);
		String output = this.printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("Generated 80 accounts for business date 2026-11-23 (seed 5)")
			.containsPattern("usage\\s+[\\d,]+ rows")
			.contains("onboarding-stalled")
			.contains("expansion-ready");
	}

	@Test
	void withoutADateWritesTheFeedsOfTodayByTheClock() throws Exception {
		this.clock.set(LocalDate.of(2027, 3, 9), LocalTime.of(23, 59, 59));

		assertThat(run("generate-portfolio", "--accounts=10", "--inbox=" + this.inbox)).isZero();

		assertThat(this.inbox.resolve("accounts/accounts-2027-03-09.csv")).isRegularFile();
	}

	@Test
	void explainsAnInvalidOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> run("generate-portfolio", "--seed=forty-two"))
			.withMessageContaining("--seed");
	}

	private int run(String... args) throws Exception {
		CommandArguments arguments = new CommandArguments(new DefaultApplicationArguments(args));
		return new GeneratePortfolioCommand(this.clock).run(arguments,
				new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

}
