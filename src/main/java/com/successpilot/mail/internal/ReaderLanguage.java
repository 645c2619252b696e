package com.successpilot.mail.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import com.successpilot.playbook.PlaceholderText;

/**
 * How one CSM reads: dates, money and numbers in their language, and the words for facts,
 * thresholds and their provenance from {@code messages[_ja].properties}. Japanese readers
 * get 「2026年12月2日」, English readers "2 Dec 2026".
 */
final class ReaderLanguage {

	private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("JPY", "¥", "USD", "$", "EUR", "€", "GBP", "£");

	private final String code;

	private final Locale locale;

	private final MessageSource messages;

	private final DateTimeFormatter date;

	private final DateTimeFormatter shortDate;

	ReaderLanguage(String code, MessageSource messages) {
		this.code = code;
		this.locale = "ja".equals(code) ? Locale.JAPANESE : Locale.ENGLISH;
		this.messages = messages;
		boolean japanese = "ja".equals(code);
		this.date = DateTimeFormatter.ofPattern(japanese ? "uuuu年M月d日" : "d MMM uuuu", this.locale);
		this.shortDate = DateTimeFormatter.ofPattern(japanese ? "M月d日" : "d MMM", this.locale);
	}

	String code() {
		return this.code;
	}

	String date(LocalDate day) {
		return (day != null) ? this.date.format(day) : "";
	}

	String shortDate(LocalDate day) {
		return (day != null) ? this.shortDate.format(day) : "";
	}

	/** {@code ¥12,000,000}, {@code $120,000}, {@code $1,234.50}, {@code CHF 5,000}. */
	String money(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		boolean whole = amount.stripTrailingZeros().scale() <= 0 || "JPY".equals(currency);
		DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00",
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		String number = format.format(amount.setScale(whole ? 0 : 2, RoundingMode.HALF_UP));
		String symbol = CURRENCY_SYMBOLS.get(currency);
		return (symbol != null) ? symbol + number : ((currency != null) ? currency + " " : "") + number;
	}

	/** A number or any other value as a person reads it: {@code 38.3}, {@code 1,200}. */
	String value(Object value) {
		if (value == null) {
			return word("value.unknown");
		}
		if (value instanceof Boolean flag) {
			return word("boolean." + flag);
		}
		return PlaceholderText.show(value);
	}

	/** The label of a fact, e.g. "Escalations in the last 30 days"; the name if none. */
	String factLabel(String name) {
		return this.messages.getMessage("fact." + name, null, name, this.locale);
	}

	String thresholdLabel(String name) {
		return this.messages.getMessage("threshold." + name, null, name, this.locale);
	}

	String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, this.locale);
	}

}
