package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of value a feed column can hold, each with the formats operators' tools
 * actually write (ISO dates and the {@code 2026/11/23} form Excel uses in Japan,
 * {@code 1,200} with grouping commas, {@code yes}/{@code no}).
 */
enum FieldType {

	TEXT, EMAIL, DATE, DATE_TIME, INTEGER, DECIMAL, BOOLEAN, CHOICE, ACCOUNT, CSM, GOAL;

	private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern GROUPED_NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	/** Strict: 2026/02/30 is no date (a lenient reading would store 2026-02-28). */
	private static final DateTimeFormatter SLASHED_DATE = DateTimeFormatter.ofPattern("uuuu/M/d")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

	private static final BigDecimal LARGEST_NUMBER = new BigDecimal("9999999999999");

	static final String DATE_FORMATS = "accepted: 2026-11-23 or 2026/11/23";

	static final String DATE_TIME_FORMATS = "accepted: 2026-11-23 14:05:00, 2026-11-23T14:05, 2026/11/23 14:05 "
			+ "or a date alone";

	Object parse(String label, String value, References references) throws RowRejectedException {
		return switch (this) {
			case TEXT, CHOICE -> value;
			case EMAIL -> email(label, value);
			case DATE -> date(label, value);
			case DATE_TIME -> dateTime(label, value);
			case INTEGER -> integer(label, value);
			case DECIMAL -> decimal(label, value);
			case BOOLEAN -> bool(label, value);
			case ACCOUNT -> reference(references.account(value), "unknown account '" + Excerpt.of(value) + "'");
			case CSM ->
				reference(references.csm(value.toLowerCase(Locale.ROOT)), "unknown CSM '" + Excerpt.of(value) + "'");
			case GOAL -> reference(references.goal(value), "unknown success goal '" + Excerpt.of(value) + "'");
		};
	}

	private static String email(String label, String value) throws RowRejectedException {
		if (!EMAIL_PATTERN.matcher(value).matches()) {
			throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is not an email address");
		}
		return value.toLowerCase(Locale.ROOT);
	}

	static LocalDate date(String label, String value) throws RowRejectedException {
		LocalDate date;
		try {
			date = value.indexOf('/') > 0 ? LocalDate.parse(value, SLASHED_DATE) : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is not a date (" + DATE_FORMATS + ")");
		}
		return inRange(label, value, date);
	}

	/**
	 * Years the database and the business know: ISO also reads {@code +999999999-12-31}.
	 */
	private static LocalDate inRange(String label, String value, LocalDate date) throws RowRejectedException {
		if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			throw new RowRejectedException(
					label + " '" + Excerpt.of(value) + "' is out of range (" + EARLIEST + " to " + LATEST + ")");
		}
		return date;
	}

	private static LocalDateTime dateTime(String label, String value) throws RowRejectedException {
		String iso = value.replace('/', '-').replace(' ', 'T');
		try {
			LocalDateTime dateTime = (iso.length() <= 10) ? LocalDate.parse(iso).atStartOfDay()
					: LocalDateTime.parse(iso.length() == 16 ? iso + ":00" : iso);
			inRange(label, value, dateTime.toLocalDate());
			return dateTime;
		}
		catch (DateTimeParseException ex) {
			throw new RowRejectedException(
					label + " '" + Excerpt.of(value) + "' is not a date and time (" + DATE_TIME_FORMATS + ")");
		}
	}

	private static Long integer(String label, String value) throws RowRejectedException {
		BigDecimal number = number(label, value, "a whole number");
		long whole;
		try {
			whole = number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is not a whole number");
		}
		// the columns are INT: a larger count is a broken file, not a customer
		if (Math.abs(whole) > Integer.MAX_VALUE) {
			throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is too large (at most 2,147,483,647)");
		}
		return whole;
	}

	static BigDecimal decimal(String label, String value) throws RowRejectedException {
		return number(label, value, "a number");
	}

	private static BigDecimal number(String label, String value, String expected) throws RowRejectedException {
		String plain = GROUPED_NUMBER.matcher(value).matches() ? value.replace(",", "") : value;
		BigDecimal number;
		try {
			number = new BigDecimal(plain);
		}
		catch (NumberFormatException ex) {
			throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is not " + expected);
		}
		// the smallest decimal column (ARR) holds 13 digits before the point
		if (number.abs().compareTo(LARGEST_NUMBER) > 0) {
			throw new RowRejectedException(
					label + " '" + Excerpt.of(value) + "' is too large (at most 9,999,999,999,999)");
		}
		return number;
	}

	private static Boolean bool(String label, String value) throws RowRejectedException {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> Boolean.TRUE;
			case "false", "no", "n", "0" -> Boolean.FALSE;
			default -> throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is not true or false");
		};
	}

	private static Long reference(Long id, String reason) throws RowRejectedException {
		if (id == null) {
			throw new RowRejectedException(reason);
		}
		return id;
	}

}
