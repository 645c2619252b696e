package com.successpilot.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.successpilot.playbook.ReaderLanguages;

/**
 * Settings of task mails ({@code successpilot.mail.*}); the SMTP server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param webBaseUrl where the web app lives: a task's link is {@code <base>/tasks/<id>}
 * @param from the sender, e.g. {@code SuccessPilot <successpilot@example.com>}
 * @param templatesDir templates here override the defaults of the same name shipped in
 * the jar
 * @param emlDir where mails are written as {@code .eml} files when no SMTP host is set
 * @param retryBackoff the wait after the first temporary failure; it doubles with each
 * further one
 * @param maxRetryBackoff the longest wait between two attempts
 * @param maxAttempts attempts before a mail that keeps failing temporarily is FAILED
 * @param sendingLease how long a mail may stay SENDING before it is presumed interrupted
 * (UNKNOWN); keep it above the SMTP timeouts
 * @param mailsPerConnection mails sent over one SMTP connection before it is closed and a
 * new one opened (servers limit messages per connection)
 * @param defaultLanguage the language of a CSM whose feed row gives none ({@code ja} or
 * {@code en})
 * @param languages the languages CSMs read; {@code validate} warns about playbook texts
 * missing one of them
 */
@ConfigurationProperties("successpilot.mail")
public record MailProperties(String webBaseUrl, String from, Path templatesDir, Path emlDir, Duration retryBackoff,
		Duration maxRetryBackoff, int maxAttempts, Duration sendingLease, int mailsPerConnection,
		String defaultLanguage, List<String> languages) implements ReaderLanguages {

	public MailProperties {
		webBaseUrl = stripTrailingSlash((webBaseUrl != null) ? webBaseUrl : "http://localhost:8080");
		from = (from != null) ? from : "SuccessPilot <successpilot@localhost>";
		templatesDir = (templatesDir != null) ? templatesDir : Path.of("config", "mail-templates");
		emlDir = (emlDir != null) ? emlDir : Path.of("var", "outbox-mail");
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofMinutes(5);
		maxRetryBackoff = (maxRetryBackoff != null) ? maxRetryBackoff : Duration.ofHours(6);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 10;
		sendingLease = (sendingLease != null) ? sendingLease : Duration.ofMinutes(10);
		mailsPerConnection = (mailsPerConnection > 0) ? mailsPerConnection : 100;
		defaultLanguage = (defaultLanguage != null && !defaultLanguage.isBlank())
				? defaultLanguage.trim().toLowerCase(Locale.ROOT) : "en";
		languages = (languages != null && !languages.isEmpty()) ? List.copyOf(languages) : List.of("ja", "en");
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
