package com.successpilot.system;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The WHERE clause of a filtered list: fixed conditions written in code, each added only
 * when its filter was given, and the filter values only ever as named parameters — never
 * concatenated into the SQL.
 */
public final class SqlConditions {

	private final StringBuilder where = new StringBuilder();

	private final MapSqlParameterSource parameters;

	public SqlConditions(MapSqlParameterSource parameters) {
		this.parameters = parameters;
	}

	/**
	 * Adds {@code condition}, binding {@code value} to {@code :name}, unless the value is
	 * {@code null}.
	 */
	public SqlConditions and(String condition, String name, Object value) {
		if (value != null) {
			this.where.append(this.where.isEmpty() ? "WHERE " : " AND ").append(condition);
			this.parameters.addValue(name, value);
		}
		return this;
	}

	/**
	 * @return {@code WHERE …} with a line break, or an empty string without conditions
	 */
	@Override
	public String toString() {
		return this.where.isEmpty() ? "" : this.where + "\n";
	}

}
