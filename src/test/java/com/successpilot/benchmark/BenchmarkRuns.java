package com.successpilot.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.DefaultApplicationArguments;

import com.successpilot.system.CommandArguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the {@code benchmark} command as the command line would and returns what it
 * printed, after checking that it exited with 0.
 */
final class BenchmarkRuns {

	private BenchmarkRuns() {
	}

	static String run(BenchmarkCommand benchmark, String... options) throws Exception {
		List<String> arguments = new ArrayList<>(List.of("benchmark"));
		arguments.addAll(List.of(options));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exitCode = benchmark.run(
				new CommandArguments(new DefaultApplicationArguments(arguments.toArray(String[]::new))),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(exitCode).isZero();
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
