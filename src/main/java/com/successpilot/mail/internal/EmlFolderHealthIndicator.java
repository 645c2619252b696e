package com.successpilot.mail.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import com.successpilot.mail.MailProperties;

/**
 * Health component {@code mail} when there is no SMTP server (mails become {@code .eml}
 * files): UP when the folder can be written. With {@code spring.mail.host} set, Spring
 * Boot's own {@code mail} indicator checks that the SMTP server answers instead.
 */
@Component("mailHealthIndicator")
@Conditional(WithoutSmtpServer.class)
class EmlFolderHealthIndicator implements HealthIndicator {

	private final Path folder;

	EmlFolderHealthIndicator(MailProperties properties) {
		this.folder = properties.emlDir().toAbsolutePath().normalize();
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("transport", "eml files")
			.withDetail("folder", this.folder.toString());
		try {
			Files.createDirectories(this.folder);
			Path probe = Files.createTempFile(this.folder, ".health-", ".tmp");
			Files.delete(probe);
			return health.build();
		}
		catch (IOException | SecurityException ex) {
			return health.down().withDetail("error", "cannot write in the folder: " + ex).build();
		}
	}

}
