package com.successpilot.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The mail templates: a file in the configured folder ({@code config/mail-templates/} by
 * default) overrides the default of the same name shipped in the jar under
 * {@code mail-templates/}. Read each time mails are composed, so a change needs no
 * restart.
 */
final class MailTemplates {

	private final Path overrides;

	MailTemplates(Path overrides) {
		this.overrides = overrides;
	}

	/**
	 * Renders {@code <name>-subject.<language>.txt}, {@code <name>.<language>.txt} and
	 * {@code <name>.<language>.html}: each mail kind has one set of templates per
	 * language, so a Japanese CSM's mail is Japanese from the subject to the footer.
	 */
	Rendered render(String name, String language, Map<String, ?> model) {
		String subject = new TemplateRenderer(false).render(read(name + "-subject." + language + ".txt"), model);
		String text = new TemplateRenderer(false).render(read(name + "." + language + ".txt"), model);
		String html = new TemplateRenderer(true).render(read(name + "." + language + ".html"), model);
		return new Rendered(subject.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), text, html);
	}

	record Rendered(String subject, String text, String html) {

	}

	private String read(String file) {
		try {
			Path override = this.overrides.resolve(file);
			if (Files.isRegularFile(override)) {
				return Files.readString(override, StandardCharsets.UTF_8);
			}
			try (InputStream in = new ClassPathResource("mail-templates/" + file).getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the mail template " + file, ex);
		}
	}

}
