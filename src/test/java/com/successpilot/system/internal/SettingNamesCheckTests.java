package com.successpilot.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import com.successpilot.ingest.BatchJobsProperties;
import com.successpilot.judgement.JudgementProperties;
import com.successpilot.mail.MailProperties;
import com.successpilot.rules.RulesProperties;

/**
 * A successpilot.* key in a configuration file that SuccessPilot does not have stops the
 * start, naming the file, the line and the nearest setting; and the examples shipped
 * commented out in config/application.yml work once uncommented.
 */
class SettingNamesCheckTests {

	/** An example line: "#" then the YAML itself; "# " starts an explanation. */
	private static final Pattern EXAMPLE_LINE = Pattern.compile("^#(?=\\S|  )");

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@TempDir
	Path dir;

	@Test
	void unknownKeysInAConfigurationFileStopTheStartEachWithFileLineAndTheNearestSetting() {
		Path file = write("""
				successpilot:
				  mail:
				    form: ops@example.com
				    web-base-url: https://successpilot.example.com
				  batch-job:
				    dir: /srv/successpilot/batch-jobs
				""");

		this.context.withInitializer((context) -> addYaml(context, file))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("2 unknown settings")
				.hasMessageContaining(file.getFileName() + "] - 3:")
				.hasMessageContaining(
						"successpilot.mail.form is not a SuccessPilot setting — did you mean 'successpilot.mail.from'?")
				.hasMessageContaining(file.getFileName() + "] - 6:")
				.hasMessageContaining("successpilot.batch-job.dir is not a SuccessPilot setting — did you mean "
						+ "'successpilot.batch-jobs.dir'?"));
	}

	@Test
	void knownKeysPassInEverySpellingTheBinderAccepts() {
		Path file = write("""
				successpilot:
				  mail:
				    webBaseUrl: https://successpilot.example.com
				    max_attempts: 4
				    languages: [ja, en]
				""");

		this.context.withInitializer((context) -> addYaml(context, file)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MailProperties.class).maxAttempts()).isEqualTo(4);
		});
	}

	@Test
	void theShippedExamplesWorkWhenUncommented() throws IOException {
		String shipped = Files.readString(Path.of("config", "application.yml"));
		List<String> examples = shipped.lines().filter((line) -> EXAMPLE_LINE.matcher(line).find()).toList();
		assertThat(examples).as("the commented examples of config/application.yml").hasSizeGreaterThan(10);
		Path file = write(shipped.lines()
			.map((line) -> EXAMPLE_LINE.matcher(line).replaceFirst(""))
			.collect(Collectors.joining("\n", "", "\n")));

		this.context.withInitializer((context) -> addYaml(context, file))
			.withPropertyValues("SMTP_PASSWORD=from-the-environment")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MailProperties.class).webBaseUrl())
					.isEqualTo("https://successpilot.example.com");
				assertThat(context.getBean(MailProperties.class).from())
					.isEqualTo("SuccessPilot <successpilot@example.com>");
				assertThat(context.getBean(BatchJobsProperties.class).dir()).isEqualTo("/srv/successpilot/batch-jobs");
				assertThat(context.getEnvironment().getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
				assertThat(context.getEnvironment().getProperty("spring.mail.port", Integer.class)).isEqualTo(587);
				assertThat(context.getEnvironment().getProperty("spring.mail.password"))
					.isEqualTo("from-the-environment");
				assertThat(context.getEnvironment().getProperty("logging.level.com.successpilot")).isEqualTo("debug");
			});
	}

	@Test
	void theDefaultsShippedInTheJarUseOnlyKnownSettings() {
		Path file = Path.of("src", "main", "resources", "application.yml");

		this.context.withInitializer((context) -> addYaml(context, file))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private Path write(String yaml) {
		try {
			return Files.writeString(this.dir.resolve("application.yml"), yaml, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void addYaml(ConfigurableApplicationContext context, Path file) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader()
				.load("Config resource 'file [" + file + "]'", new FileSystemResource(file));
			sources.forEach(context.getEnvironment().getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MailProperties.class, RulesProperties.class, JudgementProperties.class,
			BatchJobsProperties.class })
	@Import(SettingNamesCheck.class)
	static class Settings {

	}

}
