package com.successpilot.ingest.internal;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rows of a feed become: a table, its natural key, the fields a row may carry
 * and the checks that span fields (an end before its start). The upsert statement is
 * derived from this declaration, never from input.
 */
final class FeedTarget {

	private final String name;

	private final String table;

	private final List<String> keyColumns;

	private final List<FieldSpec> fields;

	private final List<OrderCheck> orderChecks;

	private final boolean acceptsMetrics;

	private final String eventDateColumn;

	private final String operationField;

	private final boolean declaredThresholds;

	private final String upsertSql;

	private FeedTarget(String name, String table, List<String> keyColumns, List<FieldSpec> fields,
			List<OrderCheck> orderChecks, boolean acceptsMetrics, String eventDateColumn, String operationField,
			boolean declaredThresholds) {
		this.name = name;
		this.table = table;
		this.keyColumns = keyColumns;
		this.fields = fields;
		this.orderChecks = orderChecks;
		this.acceptsMetrics = acceptsMetrics;
		this.eventDateColumn = eventDateColumn;
		this.operationField = operationField;
		this.declaredThresholds = declaredThresholds;
		this.upsertSql = upsert();
	}

	static Builder named(String name, String table) {
		return new Builder(name, table);
	}

	String name() {
		return this.name;
	}

	List<FieldSpec> fields() {
		return this.fields;
	}

	String table() {
		return this.table;
	}

	List<String> keyColumns() {
		return this.keyColumns;
	}

	String upsertSql() {
		return this.upsertSql;
	}

	boolean acceptsMetrics() {
		return this.acceptsMetrics;
	}

	/**
	 * The column dating what a row reports (a day of usage, a ticket's opening), which
	 * cannot lie after the business date; {@code null} for targets without one.
	 */
	String eventDateColumn() {
		return this.eventDateColumn;
	}

	/**
	 * The field saying what to do with a row ({@code set} or {@code remove}), which is no
	 * column; {@code null} for targets whose rows are only ever upserted.
	 */
	String operationField() {
		return this.operationField;
	}

	/**
	 * Whether rows name a threshold ({@code name}, {@code threshold_value}) that must be
	 * declared in the rule set's threshold catalogue, with a value in its range.
	 */
	boolean namesDeclaredThresholds() {
		return this.declaredThresholds;
	}

	/**
	 * The fields making up the natural key, in key order.
	 */
	List<String> keyFieldNames() {
		return this.keyColumns.stream().map(this::fieldOf).toList();
	}

	boolean knows(String field) {
		return this.fields.stream().anyMatch((spec) -> spec.field().equals(field));
	}

	List<String> fieldNames() {
		return this.fields.stream().map(FieldSpec::field).toList();
	}

	Set<String> optionalFieldNames() {
		return this.fields.stream()
			.filter((spec) -> !spec.mandatory())
			.map(FieldSpec::field)
			.collect(Collectors.toUnmodifiableSet());
	}

	List<String> requiredFieldNames() {
		return this.fields.stream().filter(FieldSpec::mandatory).map(FieldSpec::field).toList();
	}

	/**
	 * Checks the fields that span columns, after each was parsed on its own.
	 * @param columns parsed values by column
	 */
	void checkOrder(Map<String, Object> columns) throws RowRejectedException {
		for (OrderCheck check : this.orderChecks) {
			check.verify(columns, this);
		}
	}

	String fieldOf(String column) {
		return this.fields.stream().filter((spec) -> spec.column().equals(column)).findFirst().orElseThrow().field();
	}

	private String upsert() {
		List<String> columns = this.fields.stream()
			.filter((spec) -> !spec.field().equals(this.operationField))
			.map(FieldSpec::column)
			.toList();
		String updates = columns.stream()
			.filter((column) -> !this.keyColumns.contains(column))
			.map((column) -> column + " = VALUES(" + column + ")")
			.collect(Collectors.joining(", "));
		return "INSERT INTO " + this.table + " (" + String.join(", ", columns) + ") VALUES ("
				+ columns.stream().map((column) -> ":" + column).collect(Collectors.joining(", "))
				+ ") ON DUPLICATE KEY UPDATE " + updates;
	}

	/**
	 * A later column must not come before an earlier one (end before start).
	 */
	record OrderCheck(String earlierColumn, String laterColumn) {

		@SuppressWarnings({ "unchecked", "rawtypes" })
		void verify(Map<String, Object> columns, FeedTarget target) throws RowRejectedException {
			Object earlier = columns.get(this.earlierColumn);
			Object later = columns.get(this.laterColumn);
			if (earlier instanceof Temporal && later instanceof Temporal
					&& ((Comparable) later).compareTo(earlier) < 0) {
				throw new RowRejectedException(target.fieldOf(this.laterColumn) + " " + later + " is before "
						+ target.fieldOf(this.earlierColumn) + " " + earlier);
			}
		}

	}

	static final class Builder {

		private final String name;

		private final String table;

		private final List<String> keyColumns = new ArrayList<>();

		private final List<FieldSpec> fields = new ArrayList<>();

		private final List<OrderCheck> orderChecks = new ArrayList<>();

		private boolean acceptsMetrics;

		private String eventDateColumn;

		private String operationField;

		private boolean declaredThresholds;

		private Builder(String name, String table) {
			this.name = name;
			this.table = table;
		}

		Builder key(String... columns) {
			Collections.addAll(this.keyColumns, columns);
			return this;
		}

		Builder field(FieldSpec spec) {
			this.fields.add(spec);
			return this;
		}

		Builder notBefore(String laterColumn, String earlierColumn) {
			this.orderChecks.add(new OrderCheck(earlierColumn, laterColumn));
			return this;
		}

		Builder datedBy(String column) {
			this.eventDateColumn = column;
			return this;
		}

		/**
		 * A field, never stored, whose value {@code remove} deletes the row of the key
		 * instead of upserting it.
		 */
		Builder operation(FieldSpec spec) {
			this.fields.add(spec);
			this.operationField = spec.field();
			return this;
		}

		Builder declaredThresholds() {
			this.declaredThresholds = true;
			return this;
		}

		Builder withMetrics() {
			this.acceptsMetrics = true;
			return this;
		}

		FeedTarget build() {
			return new FeedTarget(this.name, this.table, List.copyOf(this.keyColumns), List.copyOf(this.fields),
					List.copyOf(this.orderChecks), this.acceptsMetrics, this.eventDateColumn, this.operationField,
					this.declaredThresholds);
		}

	}

}
