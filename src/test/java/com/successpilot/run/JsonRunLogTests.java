package com.successpilot.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured logging switched on with one property, as an operator would for a serving
 * process: {@code --logging.structured.format.console=ecs} turns every log line into one
 * JSON object carrying the run's id, job and business date, whichever thread logged it.
 * <p>
 * Runs the real command line ({@code demo}) in a JVM of its own: Spring Boot sets logging
 * up once per JVM, so a test context could not switch the format without changing it for
 * every other test.
 */
class JsonRunLogTests {

	@Test
	void withEcsFormatEveryLineOfARunIsJsonWithRunIdJobAndBusinessDate() throws Exception {
		Path workDir = workingDirectory();

		List<String> output = runCommand(workDir, "demo", "--accounts=20", "--date=2026-11-23",
				"--logging.structured.format.console=ecs");

		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> logLines = output.stream().filter((line) -> line.startsWith("{")).map(json::readTree).toList();
		List<JsonNode> runLines = logLines.stream().filter((line) -> line.has("runId")).toList();
		assertThat(runLines).as("JSON lines with a runId in:\n%s", String.join("\n", output)).isNotEmpty();
		assertThat(runLines).allSatisfy((line) -> {
			assertThat(line.path("jobName").asString()).isEqualTo("nightlyJob");
			assertThat(line.path("businessDate").asString()).isEqualTo("2026-11-23");
			assertThat(line.path("runId").asString()).isEqualTo(runLines.get(0).path("runId").asString());
		});
		assertThat(runLines).anyMatch((line) -> thread(line).startsWith("metrics-")
				&& line.path("message").asString().contains("Computed the facts of"));
		assertThat(runLines).anyMatch((line) -> thread(line).startsWith("rules-"));
		// what the command prints for a person stays plain text
		assertThat(output).anyMatch((line) -> line.startsWith("nightlyJob for 2026-11-23"));
	}

	private static String thread(JsonNode line) {
		return line.path("process").path("thread").path("name").asString();
	}

	private static List<String> runCommand(Path workDir, String... arguments) throws Exception {
		Path outputFile = workDir.resolve("output.txt");
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), "com.successpilot.SuccessPilotApplication"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(outputFile.toFile())
			.start();
		if (!process.waitFor(4, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the command did not end within 4 minutes:\n" + Files.readString(outputFile));
		}
		List<String> output = Files.readAllLines(outputFile, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
		return output;
	}

	/**
	 * A working directory like an installation's: its own rules/ and batch-jobs/, and the
	 * embedded database and inbox under var/.
	 */
	private static Path workingDirectory() throws IOException {
		Path workDir = Path.of("target", "test-work", "json-logs-" + UUID.randomUUID().toString().substring(0, 8))
			.toAbsolutePath();
		copy(Path.of("rules"), workDir.resolve("rules"));
		copy(Path.of("batch-jobs"), workDir.resolve("batch-jobs"));
		return workDir;
	}

	private static void copy(Path source, Path target) {
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
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
