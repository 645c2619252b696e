package com.successpilot.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.json.JsonMapper;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.system.NearestName;

/**
 * Builds facts from a YAML mapping of field names to values, so scenario files can state
 * facts by the names rule authors know: Jackson binds the mapping through the facts'
 * builders (mix-ins, so the fact model carries no Jackson annotation). Every field must
 * be a known one and its value of the field's type; a mistake names the field, the
 * nearest known name and what the value should be.
 */
final class FactsFromYaml {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(AccountFacts.class, AccountFactsFromBuilder.class)
		.addMixIn(AccountFacts.Builder.class, BuilderWithFieldNames.class)
		.addMixIn(GoalProgress.class, GoalProgressFromBuilder.class)
		.addMixIn(GoalProgress.Builder.class, BuilderWithFieldNames.class)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.build();

	private FactsFromYaml() {
	}

	static AccountFacts account(Map<?, ?> values) {
		return convert(values, AccountFacts.class, "account");
	}

	static GoalProgress goal(Map<?, ?> values) {
		return convert(values, GoalProgress.class, "goal");
	}

	private static <T> T convert(Map<?, ?> values, Class<T> type, String what) {
		try {
			return JSON.convertValue(withLocalDates(values), type);
		}
		catch (JacksonException ex) {
			throw problem(ex, values, what);
		}
	}

	/**
	 * YAML reads {@code 2026-10-15} as a timestamp at midnight UTC: the date it names.
	 */
	private static Map<Object, Object> withLocalDates(Map<?, ?> values) {
		Map<Object, Object> converted = new LinkedHashMap<>();
		values.forEach((field, value) -> converted.put(field,
				(value instanceof Date date) ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : value));
		return converted;
	}

	private static IllegalArgumentException problem(JacksonException ex, Map<?, ?> values, String what) {
		if (ex instanceof PropertyBindingException unknown) {
			String field = unknown.getPropertyName();
			Set<String> known = new TreeSet<>();
			unknown.getKnownPropertyIds().forEach((name) -> known.add(name.toString()));
			return new FactFieldException(field, "unknown " + what + " field '" + field + "'"
					+ NearestName.suggestion(field, known) + " (known: " + String.join(", ", known) + ")", ex);
		}
		List<JacksonException.Reference> path = ex.getPath();
		if (path.isEmpty() || path.get(0).getPropertyName() == null) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new IllegalArgumentException(what + ": " + message(cause), ex);
		}
		String field = path.get(0).getPropertyName();
		Object value = values.get(field);
		if (value == null) {
			return new FactFieldException(field, "'" + field + "' cannot be empty (null)", ex);
		}
		Class<?> type = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		return new FactFieldException(field, "'" + field + "' must be " + words(type) + ", not '" + value + "'", ex);
	}

	private static String message(Throwable cause) {
		return (cause instanceof JacksonException jackson) ? jackson.getOriginalMessage() : cause.getMessage();
	}

	private static String words(Class<?> type) {
		if (type == null) {
			return "a value of another kind";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == double.class || type == Double.class || type == BigDecimal.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == LocalDate.class) {
			return "a date (yyyy-mm-dd)";
		}
		return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
	}

	/**
	 * A field of a scenario's facts that is unknown or has a value of the wrong kind.
	 */
	static final class FactFieldException extends IllegalArgumentException {

		private final String field;

		FactFieldException(String field, String message, Throwable cause) {
			super(message, cause);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

	@JsonDeserialize(builder = AccountFacts.Builder.class)
	private interface AccountFactsFromBuilder {

	}

	@JsonDeserialize(builder = GoalProgress.Builder.class)
	private interface GoalProgressFromBuilder {

	}

	/** The builders name their methods after the fields: {@code arr(…)}, not withArr. */
	@JsonPOJOBuilder(withPrefix = "")
	private interface BuilderWithFieldNames {

	}

}
