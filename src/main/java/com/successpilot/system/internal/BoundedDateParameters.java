package com.successpilot.system.internal;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.successpilot.system.DateRange;

/**
 * Every date a request parameter carries ({@code LocalDate}, with or without
 * {@code @DateTimeFormat}) is read as YYYY-MM-DD and must lie within {@link DateRange};
 * otherwise the request is a 400 naming the parameter ({@link ApiExceptionHandler}).
 * Registered after Spring's own date formatting, so it takes precedence.
 */
@Configuration(proxyBeanMethods = false)
class BoundedDateParameters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new BoundedDate());
		registry.addFormatterForFieldAnnotation(new AnnotatedBoundedDate());
	}

	/**
	 * A date parameter that is no date, or outside the range.
	 */
	static final class BadDate extends IllegalArgumentException {

		private final boolean outOfRange;

		BadDate(String text, boolean outOfRange) {
			super("Not a date from " + DateRange.EARLIEST + " to " + DateRange.LATEST + ": '" + text + "'");
			this.outOfRange = outOfRange;
		}

		boolean outOfRange() {
			return this.outOfRange;
		}

	}

	private static final class BoundedDate implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) throws ParseException {
			LocalDate date;
			try {
				date = LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw new BadDate(text, false);
			}
			if (!DateRange.contains(date)) {
				throw new BadDate(text, true);
			}
			return date;
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}

	}

	private static final class AnnotatedBoundedDate implements AnnotationFormatterFactory<DateTimeFormat> {

		private final BoundedDate dates = new BoundedDate();

		@Override
		public Set<Class<?>> getFieldTypes() {
			return Set.of(LocalDate.class);
		}

		@Override
		public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
			return this.dates;
		}

		@Override
		public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
			return this.dates;
		}

	}

}
