package com.successpilot;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yaml.snakeyaml.Yaml;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives each test context its own database and its own copy of the job definitions,
 * pointing the inbox and archive at a private folder under {@code target/test-work}.
 * <p>
 * Properties a test class may set (with {@code @TestPropertySource}) to shape its copy:
 * {@code test.feed-encoding}, {@code test.max-rejected-ratio}, {@code test.chunk-size}.
 */
public class TestWorkspace implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Path root = Path.of("target", "test-work", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		Path batchJobs = root.resolve("batch-jobs");
		writeJobDefinitions(batchJobs, root, environment);
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
				"spring.datasource.url=" + TestDatabase.newDatabaseUrl(),
				"spring.datasource.username=" + TestDatabase.user(),
				"spring.datasource.password=" + TestDatabase.password(), "successpilot.batch-jobs.dir=" + batchJobs,
				"successpilot.test.workspace=" + root);
	}

	@SuppressWarnings("unchecked")
	private static void writeJobDefinitions(Path batchJobs, Path root, ConfigurableEnvironment environment) {
		try {
			Files.createDirectories(batchJobs);
			Map<String, Object> job;
			try (Reader in = Files.newBufferedReader(Path.of("batch-jobs", "nightly-job.yml"))) {
				job = new Yaml().load(in);
			}
			Map<String, Object> section = (Map<String, Object>) job.get("import");
			section.put("inbox", root.resolve("inbox").toString());
			section.put("archive", root.resolve("archive").toString());
			section.put("max-rejected-ratio",
					Double.valueOf(environment.getProperty("test.max-rejected-ratio", "0.5")));
			section.put("chunk-size", Integer.valueOf(environment.getProperty("test.chunk-size", "100")));
			String encoding = environment.getProperty("test.feed-encoding");
			if (encoding != null) {
				((List<Map<String, Object>>) section.get("feeds")).forEach((feed) -> feed.put("encoding", encoding));
			}
			try (Writer out = Files.newBufferedWriter(batchJobs.resolve("nightly-job.yml"), StandardCharsets.UTF_8)) {
				new Yaml().dump(job, out);
			}
			// the other job definitions (renewal-job.yml) as they are
			try (var others = Files.list(Path.of("batch-jobs"))) {
				for (Path other : others.filter((file) -> file.toString().endsWith(".yml")).toList()) {
					if (!other.getFileName().toString().equals("nightly-job.yml")) {
						Files.copy(other, batchJobs.resolve(other.getFileName()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
