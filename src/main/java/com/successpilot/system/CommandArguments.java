package com.successpilot.system;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * The options given to a command ({@code --name=value}) and its further plain arguments,
 * with typed accessors that fail with a message naming the option.
 */
public final class CommandArguments {

	private final ApplicationArguments arguments;

	public CommandArguments(ApplicationArguments arguments) {
		this.arguments = arguments;
	}

	/**
	 * The plain (non-option) arguments after the command word.
	 */
	public List<String> operands() {
		List<String> plain = this.arguments.getNonOptionArgs();
		return plain.isEmpty() ? List.of() : plain.subList(1, plain.size());
	}

	public boolean has(String option) {
		return this.arguments.containsOption(option);
	}

	public String text(String option, String defaultValue) {
		List<String> values = this.arguments.getOptionValues(option);
		return (values == null || values.isEmpty() || values.get(0) == null) ? defaultValue : values.get(0);
	}

	/**
	 * Every value of an option given more than once, e.g. {@code --thresholds=a.csv
	 * --thresholds=b.csv}; none when it is not given.
	 */
	public List<String> texts(String option) {
		List<String> values = this.arguments.getOptionValues(option);
		return (values == null) ? List.of() : values.stream().filter((value) -> value != null).toList();
	}

	public int number(String option, int defaultValue) {
		String value = text(option, null);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + option + " must be a whole number, not '" + value + "'");
		}
	}

	/**
	 * A date option (YYYY-MM-DD), within {@link DateRange}.
	 */
	public LocalDate date(String option, LocalDate defaultValue) {
		String value = text(option, null);
		if (value == null) {
			return defaultValue;
		}
		return DateRange.parse("--" + option, value);
	}

}
