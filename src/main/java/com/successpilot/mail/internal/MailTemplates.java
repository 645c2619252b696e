package com.successpilot.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * shipped in the jar under {@code mail-templates/}, the templates a mail includes
 * ({@code {{> task.en.html}}}) as well. Read each time mails are composed, so a change
 * needs no restart.
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
		String subject = renderFile(".txt", name + "-subject." + language + ".txt", model);
		String text = renderFile(".txt", name + "." + language + ".txt", model);
		String html = renderFile(".html", name + "." + language + ".html", model);
		return new Rendered(subject.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), text, html);
	}

	record Rendered(String subject, String text, String html) {

	}

	private String renderFile(String type, String file, Map<String, ?> model) {
		Template template = read(file);
		List<Template> included = new ArrayList<>();
		Mustache.Compiler compiler = (".html".equals(type) ? HTML : TEXT)
			.withLoader((name) -> new StringReader(include(name, type, template, included).text()));
		try {
			return compiler.compile(template.text()).execute(model);
		}
		catch (MustacheException.Context ex) {
			throw new MailTemplateException("Mail template " + where(ex, template, included) + ", line " + ex.lineNo
					+ ": no value named '" + ex.key + "'" + NearestName.suggestion(ex.key, names(model)), ex);
		}
		catch (MustacheException ex) {
			// a template is compiled when first included: a syntax error during the
			// rendering is the last included one's
			throw syntaxError(ex, included.isEmpty() ? template : included.get(included.size() - 1));
		}
	}

	private Template include(String name, String type, Template into, List<Template> included) {
		if (!name.endsWith(type) || name.contains("/") || name.contains("\\")) {
			throw new MailTemplateException("Mail template " + into.where() + " includes '" + name + "': a " + type
					+ " template can include other " + type + " templates of this folder only", null);
		}
		Template template = read(name);
		included.add(template);
		try {
			TEXT.compile(template.text());
		}
		catch (MustacheException ex) {
			throw syntaxError(ex, template);
		}
		return template;
	}

	private static MailTemplateException syntaxError(MustacheException ex, Template template) {
		Matcher problem = AT_LINE.matcher(String.valueOf(ex.getMessage()));
		return new MailTemplateException("Mail template " + template.where()
				+ (problem.matches() ? ", line " + problem.group(2) + ": " + problem.group(1) : ": " + ex.getMessage()),
				ex);
	}

	/**
	 * The template whose line names the missing key: the mail's own, or one it included.
	 */
	private static String where(MustacheException.Context ex, Template template, List<Template> included) {
		Pattern tag = Pattern.compile("\\{\\{[#^/&{]?\\s*" + Pattern.quote(ex.key) + "\\s*}");
		for (Template candidate : included) {
			if (candidate.mentions(tag, ex.lineNo)) {
				return candidate.where();
			}
		}
		return template.where();
	}

	private Template read(String file) {
		Path override = this.overrides.resolve(file);
		try {
			if (Files.isRegularFile(override)) {
				return new Template(override.toString(), Files.readString(override, StandardCharsets.UTF_8));
			}
			try (InputStream in = new ClassPathResource("mail-templates/" + file).getInputStream()) {
				return new Template(file + " (the default shipped in the jar)",
						new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new MailTemplateException("Cannot read the mail template " + file + ": " + ex.getMessage(), ex);
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
	 * @param where the file, as an operator finds it
	 */
	private record Template(String where, String text) {

		boolean mentions(Pattern tag, int line) {
			String[] lines = this.text.split("\\R", -1);
			return line >= 1 && line <= lines.length && tag.matcher(lines[line - 1]).find();
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
