package com.successpilot.ingest.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

import com.successpilot.ingest.FeedSource;

/**
 * A source's query with its named parameters: {@code :since} (the watermark, exclusive),
 * {@code :until} (the start of the day after the business date) and
 * {@code :businessDate}. Spring's parser finds them, so {@code ::date} casts and
 * {@code ':text'} in quotes are left alone.
 */
final class SourceQuery {

	static final String SINCE = "since";

	static final String UNTIL = "until";

	static final String BUSINESS_DATE = "businessDate";

	static final List<String> PARAMETERS = List.of(SINCE, UNTIL, BUSINESS_DATE);

	private SourceQuery() {
	}

	/**
	 * The parameter names the query uses, in order of appearance (repeats included).
	 */
	static List<String> parameters(String query) {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(query);
		List<String> names = new ArrayList<>();
		for (SqlParameter parameter : NamedParameterUtils.buildSqlParameterList(parsed, new MapSqlParameterSource())) {
			names.add(parameter.getName());
		}
		return names;
	}

	/**
	 * A date-time to bind. Connector/J drops the microseconds of a timestamp sent to
	 * MariaDB (it takes the server for a MySQL 5.5), which would pull the row at the
	 * watermark again: there the text is sent, which the server reads whole.
	 */
	static Object dateTime(LocalDateTime value, boolean mySql) {
		return mySql ? MICROSECONDS.format(value) : Timestamp.valueOf(value);
	}

	static final java.time.format.DateTimeFormatter MICROSECONDS = java.time.format.DateTimeFormatter
		.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

	/**
	 * The window a pull for {@code businessDate} reads up to: the start of the next day.
	 */
	static LocalDateTime until(LocalDate businessDate) {
		return businessDate.plusDays(1).atStartOfDay();
	}

	/**
	 * Prepares the query for streaming: forward only, read only, {@code fetchSize} rows
	 * per round trip, at most {@code maxRows} (0: all).
	 */
	static PreparedStatement prepare(Connection connection, FeedSource source, LocalDateTime since,
			LocalDate businessDate, int maxRows) throws SQLException {
		boolean mySql = source.dataSource().isMySql();
		MapSqlParameterSource values = new MapSqlParameterSource(SINCE, dateTime(since, mySql))
			.addValue(UNTIL, dateTime(until(businessDate), mySql))
			.addValue(BUSINESS_DATE, java.sql.Date.valueOf(businessDate));
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(source.query());
		String sql = NamedParameterUtils.substituteNamedParameters(parsed, values);
		Object[] arguments = NamedParameterUtils.buildValueArray(parsed, values, null);
		PreparedStatement statement = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
				java.sql.ResultSet.CONCUR_READ_ONLY);
		if (source.dataSource().isMySql() && !source.dataSource().url().contains("useCursorFetch=true")) {
			// Connector/J streams row by row only when asked with this value
			statement.setFetchSize(Integer.MIN_VALUE);
		}
		else {
			statement.setFetchSize(source.fetchSize());
		}
		if (maxRows > 0) {
			statement.setMaxRows(maxRows);
		}
		for (int i = 0; i < arguments.length; i++) {
			statement.setObject(i + 1, arguments[i]);
		}
		return statement;
	}

}
