package com.successpilot.run;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.successpilot.ChildJvm;

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
		Path workDir = ChildJvm.workingDirectory("json-logs");

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

	private static List<String> runCommand(Path workDir, String... arguments) {
		ChildJvm.Result result = ChildJvm.run(workDir, List.of(arguments));
		assertThat(result.exitStatus()).as(result.outputText()).isZero();
		return result.output();
	}

}
