package com.successpilot.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

import org.springframework.core.io.ClassPathResource;

import com.successpilot.system.NearestName;

/**
 * The mail templates, in Mustache (JMustache): a file in the configured folder
 * ({@code config/mail-templates/} by default) overrides the default of the same name
 * shipped in the jar under {@code mail-templates/}. Read each time mails are composed, so
 * a change needs no restart.
 * <p>
 * HTML templates escape every value, text templates none. A name the mail does not have —
 * in a value or a section — stops the mail step with the template's file and line, so a
 * misspelt name never sends a mail with a gap in it; a value that is empty for a task
 * renders as nothing and its sections as absent.
 */
final class MailTemplates {

	private static final Mustache.Compiler TEXT = Mustache.compiler()
		.escapeHTML(false)
		.strictSections(true)
		.nullValue("")
		.emptyStringIsFalse(true)
		.zeroIsFalse(true);

	private static final Mustache.Compiler HTML = TEXT.escapeHTML(true);

	// JMustache puts the line of a syntax error at the end of its message
	private static final Pattern AT_LINE = Pattern.compile("(?s)(.*) @ line (\\d+)");

	private final Path overrides;

	MailTemplates(Path overrides) {
		this.overrides = overrides;
	}

	/**
	 * Renders {@code <name>-subject.<language>.txt}, {@code <name>.<language>.txt} and
	 * {@code <name>.<language>.html}: each mail kind has one set of templates per
	 * language, so a Japanese CSM's mail is Japanese from the subject to the footer.
	 * @throws MailTemplateException when a template cannot be read or rendered
	 */
	Rendered render(String name, String language, Map<String, ?> model) {
		String subject = render(TEXT, name + "-subject." + language + ".txt", model);
		String text = render(TEXT, name + "." + language + ".txt", model);
		String html = render(HTML, name + "." + language + ".html", model);
		return new Rendered(subject.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), text, html);
	}

	record Rendered(String subject, String text, String html) {

	}

	private String render(Mustache.Compiler compiler, String file, Map<String, ?> model) {
		Path override = this.overrides.resolve(file);
		boolean overridden = Files.isRegularFile(override);
		String where = overridden ? override.toString() : file + " (the default shipped in the jar)";
		try {
			return compiler.compile(overridden ? Files.readString(override, StandardCharsets.UTF_8) : shipped(file))
				.execute(model);
		}
		catch (IOException ex) {
			throw new MailTemplateException("Cannot read the mail template " + where + ": " + ex.getMessage(), ex);
		}
		catch (MustacheException.Context ex) {
			throw new MailTemplateException("Mail template " + where + ", line " + ex.lineNo + ": no value named '"
					+ ex.key + "'" + NearestName.suggestion(ex.key, names(model)), ex);
		}
		catch (MustacheException | UnsupportedOperationException ex) {
			Matcher problem = AT_LINE.matcher(String.valueOf(ex.getMessage()));
			throw new MailTemplateException("Mail template " + where + (problem.matches()
					? ", line " + problem.group(2) + ": " + problem.group(1) : ": " + ex.getMessage()), ex);
		}
	}

	private static String shipped(String file) throws IOException {
		try (InputStream in = new ClassPathResource("mail-templates/" + file).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Every name a template may use with this model, at any depth: for "did you mean".
	 */
	private static Set<String> names(Object model) {
		Set<String> names = new TreeSet<>();
		collect(model, names);
		return names;
	}

	private static void collect(Object value, Set<String> names) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((name, nested) -> {
				names.add(String.valueOf(name));
				collect(nested, names);
			});
		}
		else if (value instanceof Collection<?> items) {
			items.forEach((item) -> collect(item, names));
		}
	}

	/**
	 * A mail template that cannot be read or rendered; the message names the file and,
	 * where known, the line.
	 */
	static final class MailTemplateException extends RuntimeException {

		MailTemplateException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
