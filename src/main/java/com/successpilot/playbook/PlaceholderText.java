package com.successpilot.playbook;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in texts written by CS ops (task titles, reasons).
 * Numbers are shown the way a person writes them (at most one decimal); an unknown
 * placeholder stays as written so a mistake is visible rather than blank.
 */
public final class PlaceholderText {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

	private PlaceholderText() {
	}

	public static String fill(String text, Map<String, ?> values) {
		if (text == null || text.indexOf('{') < 0) {
			return text;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement = values.containsKey(name) ? show(values.get(name)) : matcher.group();
			matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	/**
	 * A value as a person reads it: {@code 35.0 → "35"}, {@code 12.345 → "12.3"},
	 * {@code null → "unknown"}.
	 */
	public static String show(Object value) {
		if (value == null) {
			return "unknown";
		}
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			BigDecimal number = new BigDecimal(value.toString()).setScale(1, java.math.RoundingMode.HALF_UP);
			return number.stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

}
