package com.successpilot.rules.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Fills a fact builder from a YAML mapping of field names to values, so scenario files
 * can state facts by the names rule authors know. Every field must be a known one.
 */
final class FactsFromYaml {

	private FactsFromYaml() {
	}

	static void fill(Object builder, Map<?, ?> values, String what) {
		for (Map.Entry<?, ?> entry : values.entrySet()) {
			String field = String.valueOf(entry.getKey());
			Method setter = setter(builder.getClass(), field);
			if (setter == null) {
				throw new IllegalArgumentException(
						"unknown " + what + " field '" + field + "' (known: " + fieldNames(builder.getClass()) + ")");
			}
			try {
				setter.invoke(builder, convert(entry.getValue(), setter.getParameterTypes()[0], field));
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalArgumentException("cannot set " + what + " field '" + field + "': " + ex, ex);
			}
		}
	}

	private static Method setter(Class<?> type, String field) {
		return Arrays.stream(type.getMethods())
			.filter((method) -> method.getName().equals(field) && method.getParameterCount() == 1)
			.findFirst()
			.orElse(null);
	}

	private static String fieldNames(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> method.getParameterCount() == 1 && method.getReturnType() == type)
			.map(Method::getName)
			.collect(Collectors.toCollection(TreeSet::new))
			.toString();
	}

	private static Object convert(Object value, Class<?> type, String field) {
		if (value == null) {
			if (type.isPrimitive()) {
				throw new IllegalArgumentException("'" + field + "' cannot be empty (null)");
			}
			return null;
		}
		String text = (value instanceof Date date) ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString()
				: value.toString();
		try {
			if (type == String.class) {
				return text;
			}
			if (type == int.class || type == Integer.class) {
				return Integer.valueOf(text);
			}
			if (type == long.class || type == Long.class) {
				return Long.valueOf(text);
			}
			if (type == double.class || type == Double.class) {
				return Double.valueOf(text);
			}
			if (type == boolean.class || type == Boolean.class) {
				if (!text.equals("true") && !text.equals("false")) {
					throw new IllegalArgumentException(text);
				}
				return Boolean.valueOf(text);
			}
			if (type == BigDecimal.class) {
				return new BigDecimal(text);
			}
			if (type == LocalDate.class) {
				return LocalDate.parse(text);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"'" + field + "' must be a " + type.getSimpleName().toLowerCase() + ", not '" + text + "'");
		}
		throw new IllegalArgumentException("'" + field + "' has an unsupported type " + type.getSimpleName());
	}

}
