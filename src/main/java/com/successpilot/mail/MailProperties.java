package com.successpilot.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.successpilot.playbook.ReaderLanguages;

/**
 * Settings of task mails ({@code successpilot.mail.*}); the SMTP server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param webBaseUrl where the web app lives: a task's link in a mail is this URL followed
 * by /tasks/ and the task's id
 * @param from the sender: a name and an address, as in a From header
 * @param templatesDir templates here override the defaults of the same name shipped in
 * the jar (config/mail-templates/README.md)
 * @param emlDir where mails are written as .eml files when no SMTP host is set
 * @param retryBackoff the wait after the first temporary failure; it doubles with each
 * further one
 * @param maxRetryBackoff the longest wait between two attempts
 * @param maxAttempts attempts before a mail that keeps failing temporarily is FAILED
 * @param sendingLease how long a mail may stay SENDING before it is presumed interrupted
 * (UNKNOWN); keep it above the SMTP timeouts
 * @param mailsPerConnection mails sent over one SMTP connection before it is closed and a
 * new one opened (servers limit messages per connection)
 * @param defaultLanguage the language of a CSM whose row in the CSM feed has no language
 * (ja or en), and of pages for a visitor whose browser asks for neither
 * @param languages the languages CSMs read; validate warns about playbook texts missing
 * one of them
 * @param opsRecipients the addresses of CS ops, told by mail when a run is held for
 * review or runs on the last good rules; none: they are told only by the run summary, the
 * run API and the health endpoint
 */
@ConfigurationProperties("successpilot.mail")
@Validated
public record MailProperties(@DefaultValue("http://localhost:8080") String webBaseUrl,
		@DefaultValue("SuccessPilot <successpilot@localhost>") String from,
		@DefaultValue("config/mail-templates") Path templatesDir, @DefaultValue("var/outbox-mail") Path emlDir,
		@DefaultValue("5m") Duration retryBackoff, @DefaultValue("6h") Duration maxRetryBackoff,
		@DefaultValue("10") @Positive int maxAttempts, @DefaultValue("10m") Duration sendingLease,
		@DefaultValue("100") @Positive int mailsPerConnection, @DefaultValue("en") @NotBlank String defaultLanguage,
		@DefaultValue( {
				"ja", "en" }) @NotEmpty List<String> languages,
		List<String> opsRecipients) implements ReaderLanguages{

	public MailProperties {
		webBaseUrl = stripTrailingSlash(webBaseUrl);
		defaultLanguage = defaultLanguage.trim().toLowerCase(Locale.ROOT);
		languages = List.copyOf(languages);
		opsRecipients = (opsRecipients != null) ? List.copyOf(opsRecipients) : List.of();
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
