package com.successpilot.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * The command line: the right command runs with its options, and a person's mistake gets
 * one clear line and an exit code, not a stack trace.
 */
class CommandLineDispatcherTests {

	private final Command greet = Command.of("greet", "--name=NAME --times=N", "say hello", (arguments, out) -> {
		int times = arguments.number("times", 1);
		for (int i = 0; i < times; i++) {
			out.println("こんにちは " + arguments.text("name", "world"));
		}
		return 0;
	});

	@Test
	void runsTheNamedCommandWithItsOptions() {
		assertThat(run("greet", "--name=美咲", "--times=2")).isEqualTo(new Printed(0, "こんにちは 美咲\nこんにちは 美咲\n"));
	}

	@Test
	void anUnknownCommandPrintsTheCommandsAndExitsWithTwo() {
		Printed printed = run("gret");

		assertThat(printed.output()).startsWith("Unknown command 'gret'.")
			.contains("greet --name=NAME --times=N  say hello");
		assertThat(printed.exitCode()).isEqualTo(2);
	}

	@Test
	void aBadOptionValueIsOneClearLine() {
		assertThat(run("greet", "--times=many"))
			.isEqualTo(new Printed(2, "greet: --times must be a whole number, not 'many'\n"));
	}

	@Test
	void anOptionTheCommandDoesNotTakeIsRefusedWithTheNearestOneAndTheUsage() {
		assertThat(run("greet", "--name=美咲", "--tmes=2")).isEqualTo(new Printed(2, """
				greet: unknown option --tmes — did you mean '--times'?
				Usage: greet --name=NAME --times=N  say hello
				"""));
	}

	@Test
	void springSettingsGoToEveryCommand() {
		assertThat(run("greet", "--spring.profiles.active=mysql", "--debug"))
			.isEqualTo(new Printed(0, "こんにちは world\n"));
	}

	@Test
	void theOptionsACommandTakesAreThoseItsSynopsisNames() {
		Command command = Command.of("run",
				"[nightlyJob|renewalJob] [--date=YYYY-MM-DD] [--fresh] [--server.port=8080]", "run a job",
				(arguments, out) -> 0);

		assertThat(command.options()).containsExactly("date", "fresh", "server.port");
		assertThat(command.usage()).isEqualTo(
				"run [nightlyJob|renewalJob] [--date=YYYY-MM-DD] [--fresh] " + "[--server.port=8080]  run a job");
	}

	private Printed run(String... args) {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		CommandLineDispatcher dispatcher = new CommandLineDispatcher(List.of(this.greet),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		dispatcher.run(new DefaultApplicationArguments(args));
		return new Printed(dispatcher.getExitCode(), printed.toString(StandardCharsets.UTF_8));
	}

	/**
	 * What a person reads and the exit code a script sees.
	 */
	record Printed(int exitCode, String output) {

	}

}
