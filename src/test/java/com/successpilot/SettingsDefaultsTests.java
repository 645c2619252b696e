package com.successpilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.successpilot.ingest.BatchJobsProperties;
import com.successpilot.judgement.JudgementProperties;
import com.successpilot.mail.MailProperties;
import com.successpilot.rules.RulesProperties;
import com.successpilot.security.SignInProperties;
import com.successpilot.task.TaskProperties;

/**
 * The defaults of the successpilot.* settings live in their properties classes alone: a
 * context with no application.yml at all binds them.
 */
class SettingsDefaultsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void withNothingConfiguredEverySettingHasItsDocumentedDefault() {
		this.context.run((context) -> {
			MailProperties mail = context.getBean(MailProperties.class);
			assertThat(mail.webBaseUrl()).isEqualTo("http://localhost:8080");
			assertThat(mail.from()).isEqualTo("SuccessPilot <successpilot@localhost>");
			assertThat(mail.templatesDir()).isEqualTo(Path.of("config", "mail-templates"));
			assertThat(mail.emlDir()).isEqualTo(Path.of("var", "outbox-mail"));
			assertThat(mail.retryBackoff()).isEqualTo(Duration.ofMinutes(5));
			assertThat(mail.maxRetryBackoff()).isEqualTo(Duration.ofHours(6));
			assertThat(mail.maxAttempts()).isEqualTo(10);
			assertThat(mail.sendingLease()).isEqualTo(Duration.ofMinutes(10));
			assertThat(mail.mailsPerConnection()).isEqualTo(100);
			assertThat(mail.defaultLanguage()).isEqualTo("en");
			assertThat(mail.languages()).containsExactly("ja", "en");
			assertThat(context.getBean(RulesProperties.class).dir()).isEqualTo(Path.of("rules"));
			assertThat(context.getBean(BatchJobsProperties.class).dir()).isEqualTo("batch-jobs");
			assertThat(context.getBean(JudgementProperties.class).evaluationThreads())
				.isEqualTo(Runtime.getRuntime().availableProcessors());
			SignInProperties signIn = context.getBean(SignInProperties.class);
			assertThat(signIn.freeFailuresPerUser()).isEqualTo(5);
			assertThat(signIn.freeFailuresPerAddress()).isEqualTo(20);
			assertThat(signIn.firstDelay()).isEqualTo(Duration.ofSeconds(1));
			assertThat(signIn.maxDelay()).isEqualTo(Duration.ofMinutes(15));
			assertThat(signIn.forgetAfter()).isEqualTo(Duration.ofHours(1));
			assertThat(signIn.basicCheckTtl()).isEqualTo(Duration.ofMinutes(5));
			assertThat(context.getBean(TaskProperties.class).maxSnoozeDays()).isEqualTo(90);
		});
	}

	@Test
	void aBaseUrlLosesItsTrailingSlashAndALanguageItsCase() {
		this.context
			.withPropertyValues("successpilot.mail.web-base-url=https://successpilot.example.com/",
					"successpilot.mail.default-language= JA ", "successpilot.judgement.evaluation-threads=3")
			.run((context) -> {
				assertThat(context.getBean(MailProperties.class).webBaseUrl())
					.isEqualTo("https://successpilot.example.com");
				assertThat(context.getBean(MailProperties.class).defaultLanguage()).isEqualTo("ja");
				assertThat(context.getBean(JudgementProperties.class).evaluationThreads()).isEqualTo(3);
			});
	}

	@Test
	void aSettingThatCannotWorkStopsTheStartWithItsName() {
		this.context.withPropertyValues("successpilot.mail.max-attempts=0", "successpilot.mail.languages=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("successpilot.mail.max-attempts")
				.hasMessageContaining("successpilot.mail.languages"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MailProperties.class, RulesProperties.class, JudgementProperties.class,
			BatchJobsProperties.class, SignInProperties.class, TaskProperties.class })
	static class Settings {

	}

}
