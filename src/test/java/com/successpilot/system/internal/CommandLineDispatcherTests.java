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

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final Command greet = Command.of("greet", "--name=NAME --times=N", "say hello", (arguments, out) -> {
		int times = arguments.number("times", 1);
		for (int i = 0; i < times; i++) {
			out.println("こんにちは " + arguments.text("name", "world"));
		}
		return 0;
	});

	@Test
	void runsTheNamedCommandWithItsOptions() {
		CommandLineDispatcher dispatcher = dispatcher();

		dispatcher.run(new DefaultApplicationArguments("greet", "--name=美咲", "--times=2"));

		assertThat(output()).isEqualTo("こんにちは 美咲\nこんにちは 美咲\n");
		assertThat(dispatcher.getExitCode()).isZero();
	}

	@Test
	void anUnknownCommandPrintsTheCommandsAndExitsWithTwo() {
		CommandLineDispatcher dispatcher = dispatcher();

		dispatcher.run(new DefaultApplicationArguments("gret"));

		assertThat(output()).startsWith("Unknown command 'gret'.").contains("greet --name=NAME --times=N  say hello");
		assertThat(dispatcher.getExitCode()).isEqualTo(2);
	}

	@Test
	void aBadOptionValueIsOneClearLine() {
		CommandLineDispatcher dispatcher = dispatcher();

		dispatcher.run(new DefaultApplicationArguments("greet", "--times=many"));

		assertThat(output()).isEqualTo("greet: --times must be a whole number, not 'many'\n");
		assertThat(dispatcher.getExitCode()).isEqualTo(2);
	}

	@Test
	void anOptionTheCommandDoesNotTakeIsRefusedWithTheNearestOneAndTheUsage() {
		CommandLineDispatcher dispatcher = dispatcher();

		dispatcher.run(new DefaultApplicationArguments("greet", "--name=美咲", "--tmes=2"));

		assertThat(output()).isEqualTo("""
				greet: unknown option --tmes — did you mean '--times'?
				Usage: greet --name=NAME --times=N  say hello
				""");
		assertThat(dispatcher.getExitCode()).isEqualTo(2);
	}

	@Test
	void springSettingsGoToEveryCommand() {
		CommandLineDispatcher dispatcher = dispatcher();

		dispatcher.run(new DefaultApplicationArguments("greet", "--spring.profiles.active=mysql", "--debug"));

		assertThat(output()).isEqualTo("こんにちは world\n");
		assertThat(dispatcher.getExitCode()).isZero();
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

	private CommandLineDispatcher dispatcher() {
		return new CommandLineDispatcher(List.of(this.greet),
				new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
