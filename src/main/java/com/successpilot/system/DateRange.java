package com.successpilot.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The dates the server takes from people and scripts: 2000-01-01 to 2100-12-31. Anything
 * outside is a typo or an attack (a year +999999999 overflows date arithmetic, 9999-12-31
 * hides a task forever), answered 400 naming the parameter — never stored.
 */
public final class DateRange {

	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private DateRange() {
	}

	/**
	 * @throws InputProblem when the date is outside the range
	 */
	public static LocalDate check(String parameter, LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			throw new InputProblem("problem.date-out-of-range", parameter, date, EARLIEST, LATEST);
		}
		return date;
	}

	/**
	 * Parses a date written YYYY-MM-DD and checks its range.
	 * @throws InputProblem when it is no such date, or outside the range
	 */
	public static LocalDate parse(String parameter, String text) {
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InputProblem("problem.not-a-date", parameter, text);
		}
		return check(parameter, date);
	}

	/**
	 * Whether a date is in the range.
	 */
	public static boolean contains(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

}
