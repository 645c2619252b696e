package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.successpilot.ingest.FeedDefinition;

/**
 * Maps a source query's result columns onto the feed's fields, as a file's header is: by
 * the names in {@code columns:} (any case), an optional field's column may be absent, a
 * required one may not. Values become the text the file import checks, so both go through
 * the same validation: a date as {@code 2026-11-23}, a timestamp as
 * {@code 2026-11-23T14:05}, a number in plain digits, {@code NULL} as empty.
 */
final class SourceColumns {

	private static final java.util.Set<Integer> DATE_TYPES = java.util.Set.of(java.sql.Types.DATE,
			java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);

	private final FeedDefinition feed;

	private final FeedTarget target;

	private Map<String, Integer> fieldColumns = Map.of();

	private Map<String, Integer> metricColumns = Map.of();

	private int watermarkColumn;

	private List<String> keyFields = List.of();

	SourceColumns(FeedDefinition feed, FeedTarget target) {
		this.feed = feed;
		this.target = target;
	}

	/**
	 * Finds the mapped columns in the result.
	 * @throws SourceException naming the missing columns and those the result has
	 */
	void bind(ResultSetMetaData metaData) throws SQLException {
		List<String> problems = problems(metaData);
		if (!problems.isEmpty()) {
			throw new SourceException(this.feed.source().dataSource(),
					"the query of feed '" + this.feed.name() + "' " + String.join("; ", problems));
		}
	}

	/**
	 * What is wrong with the result's columns for this feed (nothing: an empty list); on
	 * none, the columns are bound.
	 */
	List<String> problems(ResultSetMetaData metaData) throws SQLException {
		Map<String, Integer> byName = new HashMap<>();
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			String name = metaData.getColumnLabel(i);
			names.add(name);
			byName.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
		}
		List<String> problems = new ArrayList<>();
		Map<String, Integer> fields = new LinkedHashMap<>();
		for (Map.Entry<String, String> mapping : this.feed.columns().entrySet()) {
			Integer index = byName.get(mapping.getValue().trim().toLowerCase(Locale.ROOT));
			if (index == null && !this.target.optionalFieldNames().contains(mapping.getKey())) {
				problems.add("returns no column '" + mapping.getValue() + "' (field " + mapping.getKey() + ")");
			}
			else if (index != null) {
				fields.put(mapping.getKey(), index);
			}
		}
		Map<String, Integer> metrics = new LinkedHashMap<>();
		for (String metric : this.feed.metrics()) {
			Integer index = byName.get(metric.toLowerCase(Locale.ROOT));
			if (index != null) {
				metrics.put(metric, index);
			}
		}
		int watermark = 0;
		String watermarkName = this.feed.source().watermark();
		if (watermarkName != null) {
			Integer index = byName.get(watermarkName.toLowerCase(Locale.ROOT));
			if (index == null) {
				problems.add("returns no column '" + watermarkName + "' (its watermark)");
			}
			else if (!DATE_TYPES.contains(metaData.getColumnType(index))) {
				problems.add("returns its watermark '" + watermarkName + "' as " + metaData.getColumnTypeName(index)
						+ ", not a date or timestamp");
			}
			else {
				watermark = index;
			}
		}
		if (!problems.isEmpty()) {
			problems.set(problems.size() - 1, problems.get(problems.size() - 1) + "; it returns " + names);
			return problems;
		}
		this.fieldColumns = new LinkedHashMap<>();
		// in the order the query returns them, as the reject report shows a row
		fields.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach((field) -> this.fieldColumns.put(field.getKey(), field.getValue()));
		this.metricColumns = metrics;
		this.watermarkColumn = watermark;
		this.keyFields = this.target.keyFieldNames();
		return problems;
	}

	/**
	 * The current row of {@code rows}.
	 * @param number its position in the result, from 1
	 */
	Row row(ResultSet rows, long number) throws SQLException {
		Map<String, String> values = new HashMap<>(this.fieldColumns.size() * 2);
		StringBuilder raw = new StringBuilder();
		String malformed = null;
		for (Map.Entry<String, Integer> field : this.fieldColumns.entrySet()) {
			String text;
			try {
				text = text(rows.getObject(field.getValue()));
			}
			catch (SQLException ex) {
				// a value the driver cannot hand over (an impossible date): this row's
				// problem
				text = "";
				malformed = field.getKey() + " cannot be read: " + Excerpt.of(ex.getMessage());
			}
			values.put(field.getKey(), text);
		}
		Map<String, String> metrics = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> metric : this.metricColumns.entrySet()) {
			metrics.put(metric.getKey(), text(rows.getObject(metric.getValue())));
		}
		raw.append(this.feed.source().dataSource().name()).append(" row ").append(number).append(", key");
		for (String key : this.keyFields) {
			raw.append(' ').append(key).append('=').append(values.getOrDefault(key, ""));
		}
		raw.append(":");
		this.fieldColumns.keySet()
			.forEach((field) -> raw.append(' ')
				.append(this.feed.columns().get(field))
				.append('=')
				.append(values.get(field))
				.append(';'));
		metrics.forEach((metric, value) -> raw.append(' ').append(metric).append('=').append(value).append(';'));
		LocalDateTime watermark = (this.watermarkColumn > 0) ? dateTime(rows.getObject(this.watermarkColumn)) : null;
		return new Row(values, metrics, Excerpt.of(raw.toString(), Excerpt.LINE), watermark, malformed);
	}

	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String text) {
			return text.strip();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			return new BigDecimal(value.toString()).toPlainString();
		}
		LocalDateTime dateTime = dateTime(value);
		if (dateTime != null && !(value instanceof LocalDate)) {
			return dateTime.toString();
		}
		return value.toString().strip();
	}

	/**
	 * A date or time value as the server's local date-time, the way {@code :since} is
	 * bound; {@code null} for other values.
	 */
	static LocalDateTime dateTime(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().atStartOfDay();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime;
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
		}
		if (value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
		}
		return null;
	}

	/**
	 * One row as the validator reads it.
	 *
	 * @param raw the row as the reject report shows it: data source, row number, key, and
	 * each mapped column's value
	 * @param watermark its watermark column's value, or {@code null}
	 * @param malformed why it is rejected before its fields are read, or {@code null}
	 */
	record Row(Map<String, String> values, Map<String, String> metrics, String raw, LocalDateTime watermark,
			String malformed) {

	}

}
