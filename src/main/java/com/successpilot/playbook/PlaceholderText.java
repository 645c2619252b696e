package com.successpilot.playbook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in texts written by CS ops (task titles, reasons).
 * Numbers are shown the way a person writes them: at most one decimal, no {@code .0},
 * thousands grouped ({@code 12,000,000}). {@code {name|change}} shows a change in percent
 * as its size in whole percent, so a text can say "down {trend|change} %" or
 * 「{trend|change} % 減」 instead of "down -51.4%". An unknown placeholder stays as written
 * so a mistake is visible rather than blank.
 */
public final class PlaceholderText {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)(\\|change)?}");

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
			String replacement = !values.containsKey(name) ? matcher.group()
					: (matcher.group(2) != null) ? change(values.get(name)) : show(values.get(name));
			matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	/**
	 * A value as a person reads it: {@code 35.0 → "35"}, {@code 38.333… → "38.3"},
	 * {@code 12000000 → "12,000,000"}, {@code null → "unknown"}.
	 */
	public static String show(Object value) {
		if (value == null) {
			return "unknown";
		}
		if (value instanceof Number number) {
			return number(number, 1);
		}
		return value.toString();
	}

	/**
	 * A change in percent as its size in whole percent: {@code -51.4 → "51"}; not a
	 * number as {@link #show}.
	 */
	public static String change(Object value) {
		if (value instanceof Number number) {
			return number(new BigDecimal(number.toString()).abs(), 0);
		}
		return show(value);
	}

	private static String number(Number number, int decimals) {
		BigDecimal exact = new BigDecimal(number.toString()).setScale(decimals, RoundingMode.HALF_UP);
		DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setMaximumFractionDigits(decimals);
		return format.format(exact);
	}

}
