package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * One field of a feed target: the name used in {@code batch-jobs/} column mappings, the
 * database column it fills, its type and its constraints.
 */
record FieldSpec(String field, String column, FieldType type, boolean mandatory, Object defaultValue, int maxLength,
		BigDecimal min, BigDecimal max, Set<String> choices) {

	static FieldSpec of(String field, String column, FieldType type) {
		return new FieldSpec(field, column, type, false, null, 0, null, null, Set.of());
	}

	FieldSpec required() {
		return new FieldSpec(this.field, this.column, this.type, true, this.defaultValue, this.maxLength, this.min,
				this.max, this.choices);
	}

	FieldSpec orElse(Object value) {
		return new FieldSpec(this.field, this.column, this.type, this.mandatory, value, this.maxLength, this.min,
				this.max, this.choices);
	}

	FieldSpec maxLength(int length) {
		return new FieldSpec(this.field, this.column, this.type, this.mandatory, this.defaultValue, length, this.min,
				this.max, this.choices);
	}

	FieldSpec between(long low, Long high) {
		return new FieldSpec(this.field, this.column, this.type, this.mandatory, this.defaultValue, this.maxLength,
				BigDecimal.valueOf(low), (high != null) ? BigDecimal.valueOf(high) : null, this.choices);
	}

	FieldSpec oneOf(String... values) {
		return new FieldSpec(this.field, this.column, FieldType.CHOICE, this.mandatory, this.defaultValue,
				this.maxLength, this.min, this.max, Set.of(values));
	}

	/**
	 * Turns the raw text of this field into the value to store.
	 * @param value the trimmed text, empty when the column was empty
	 */
	Object parse(String value, References references) throws RowRejectedException {
		String label = this.field;
		if (value.isEmpty()) {
			if (this.mandatory) {
				throw new RowRejectedException(label + " is required but empty");
			}
			return this.defaultValue;
		}
		if (this.maxLength > 0 && value.length() > this.maxLength) {
			throw new RowRejectedException(label + " is longer than " + this.maxLength + " characters");
		}
		if (this.type == FieldType.CHOICE) {
			String choice = value.toLowerCase(Locale.ROOT);
			if (!this.choices.contains(choice)) {
				throw new RowRejectedException(label + " '" + Excerpt.of(value) + "' is not one of "
						+ this.choices.stream().sorted().toList());
			}
			return choice;
		}
		Object parsed = this.type.parse(label, value, references);
		if (parsed instanceof Number number) {
			checkRange(label, value, new BigDecimal(number.toString()));
		}
		return parsed;
	}

	private void checkRange(String label, String value, BigDecimal number) throws RowRejectedException {
		if (this.min != null && number.compareTo(this.min) < 0) {
			throw new RowRejectedException(
					this.min.signum() == 0 ? label + " must not be negative (was " + Excerpt.of(value) + ")"
							: label + " must be at least " + this.min + " (was " + Excerpt.of(value) + ")");
		}
		if (this.max != null && number.compareTo(this.max) > 0) {
			throw new RowRejectedException(label + " must be at most " + this.max + " (was " + Excerpt.of(value) + ")");
		}
	}

}
