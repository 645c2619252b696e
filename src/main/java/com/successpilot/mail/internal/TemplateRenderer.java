package com.successpilot.mail.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small, logic-less template language CS ops can edit safely: {@code {{name}}} inserts
 * a value (HTML-escaped in HTML templates), {@code {{#name}}…{{/name}}} repeats for each
 * item of a list or shows once when the value is true or present, {@code {{^name}}…
 * {{/name}}} shows when it is false, zero, absent or empty. Nothing else runs: no
 * expressions, no method calls. An unknown name renders as nothing.
 */
final class TemplateRenderer {

	private static final Pattern STANDALONE_TAG = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/!][^}]*}})[ \\t]*\\r?\\n");

	private final boolean html;

	TemplateRenderer(boolean html) {
		this.html = html;
	}

	String render(String template, Map<String, ?> model) {
		Deque<Map<String, ?>> scopes = new ArrayDeque<>();
		scopes.push(model);
		StringBuilder out = new StringBuilder(template.length() * 2);
		// a section tag alone on its line leaves no empty line behind
		render(STANDALONE_TAG.matcher(template).replaceAll("$1"), scopes, out);
		return out.toString();
	}

	private void render(String template, Deque<Map<String, ?>> scopes, StringBuilder out) {
		int position = 0;
		while (true) {
			int open = template.indexOf("{{", position);
			if (open < 0) {
				out.append(template, position, template.length());
				return;
			}
			int close = template.indexOf("}}", open);
			if (close < 0) {
				throw new IllegalArgumentException("Unclosed '{{' at character " + open);
			}
			out.append(template, position, open);
			String tag = template.substring(open + 2, close).trim();
			position = close + 2;
			if (tag.startsWith("#") || tag.startsWith("^")) {
				String name = tag.substring(1).trim();
				int[] end = sectionEnd(template, name, position);
				String body = template.substring(position, end[0]);
				section(tag.charAt(0) == '^', lookup(scopes, name), body, scopes, out);
				position = end[1];
			}
			else if (tag.startsWith("/")) {
				throw new IllegalArgumentException("'{{" + tag + "}}' closes a section that was not opened");
			}
			else if (!tag.startsWith("!")) {
				Object value = lookup(scopes, tag);
				String text = (value != null) ? value.toString() : "";
				out.append(this.html ? escape(text) : text);
			}
		}
	}

	private void section(boolean inverted, Object value, String body, Deque<Map<String, ?>> scopes, StringBuilder out) {
		boolean empty = value == null || Boolean.FALSE.equals(value) || "".equals(value)
				|| (value instanceof Number number && number.doubleValue() == 0)
				|| (value instanceof Collection<?> items && items.isEmpty());
		if (inverted) {
			if (empty) {
				render(body, scopes, out);
			}
			return;
		}
		if (empty) {
			return;
		}
		if (value instanceof Collection<?> items) {
			for (Object item : items) {
				renderIn(item, body, scopes, out);
			}
		}
		else {
			renderIn(value, body, scopes, out);
		}
	}

	@SuppressWarnings("unchecked")
	private void renderIn(Object item, String body, Deque<Map<String, ?>> scopes, StringBuilder out) {
		if (item instanceof Map<?, ?> map) {
			scopes.push((Map<String, ?>) map);
			try {
				render(body, scopes, out);
			}
			finally {
				scopes.pop();
			}
		}
		else {
			render(body, scopes, out);
		}
	}

	/**
	 * @return where the closing tag of the section starts and where it ends
	 */
	private static int[] sectionEnd(String template, String name, int from) {
		int depth = 1;
		int position = from;
		while (true) {
			int open = template.indexOf("{{", position);
			if (open < 0) {
				throw new IllegalArgumentException(
						"Section '{{#" + name + "}}' is never closed with '{{/" + name + "}}'");
			}
			int close = template.indexOf("}}", open);
			if (close < 0) {
				throw new IllegalArgumentException("Unclosed '{{' at character " + open);
			}
			String tag = template.substring(open + 2, close).trim();
			if ((tag.startsWith("#") || tag.startsWith("^")) && tag.substring(1).trim().equals(name)) {
				depth++;
			}
			else if (tag.startsWith("/") && tag.substring(1).trim().equals(name) && --depth == 0) {
				return new int[] { open, close + 2 };
			}
			position = close + 2;
		}
	}

	private static Object lookup(Deque<Map<String, ?>> scopes, String name) {
		for (Map<String, ?> scope : scopes) {
			if (scope.containsKey(name)) {
				return scope.get(name);
			}
		}
		return null;
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
