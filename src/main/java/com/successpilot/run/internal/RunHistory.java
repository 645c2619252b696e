package com.successpilot.run.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.run.RunLauncher;

/**
 * The runs recorded in Spring Batch's job repository, listed with filters and paging.
 */
@Repository
class RunHistory {

	private static final String FROM = """
			FROM BATCH_JOB_EXECUTION e
			JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			LEFT JOIN BATCH_JOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
			  AND d.PARAMETER_NAME = :businessDateParameter
			LEFT JOIN BATCH_JOB_EXECUTION_PARAMS r ON r.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
			  AND r.PARAMETER_NAME = :runParameter
			WHERE 1 = 1
			""";

	private static final String COLUMNS = """
			SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME,
			  d.PARAMETER_VALUE AS BUSINESS_DATE, r.PARAMETER_VALUE AS RUN_NUMBER
			""";

	private final NamedParameterJdbcTemplate jdbc;

	RunHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The runs matching the filters (each {@code null} for any), newest first.
	 */
	Page list(RunFilter filter, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("businessDateParameter",
				FeedImportSteps.BUSINESS_DATE)
			.addValue("runParameter", RunLauncher.RUN_NUMBER)
			.addValue("job", filter.job())
			.addValue("status", filter.status())
			.addValue("from", (filter.from() != null) ? filter.from().toString() : null)
			.addValue("to", (filter.to() != null) ? filter.to().toString() : null)
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		// only constant fragments are added; every value is a parameter
		StringBuilder where = new StringBuilder(FROM);
		if (filter.job() != null) {
			where.append(" AND i.JOB_NAME = :job");
		}
		if (filter.status() != null) {
			where.append(" AND e.STATUS = :status");
		}
		// ISO dates compare as text in date order
		if (filter.from() != null) {
			where.append(" AND d.PARAMETER_VALUE >= :from");
		}
		if (filter.to() != null) {
			where.append(" AND d.PARAMETER_VALUE <= :to");
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) " + where, parameters, Long.class);
		List<Row> rows = this.jdbc.query(
				COLUMNS + where + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit OFFSET :offset", parameters,
				(rs, row) -> row(rs));
		return new Page(rows, (total != null) ? total : 0);
	}

	private static Row row(ResultSet rs) throws SQLException {
		String date = rs.getString("BUSINESS_DATE");
		String run = rs.getString("RUN_NUMBER");
		return new Row(rs.getLong("JOB_EXECUTION_ID"), rs.getString("JOB_NAME"), date(date),
				(run != null && run.matches("\\d+")) ? Long.valueOf(run) : null, rs.getString("STATUS"),
				rs.getString("EXIT_CODE"), time(rs, "START_TIME"), time(rs, "END_TIME"));
	}

	private static LocalDate date(String value) {
		try {
			return (value != null) ? LocalDate.parse(value) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

	/**
	 * What to list: each {@code null} for any.
	 */
	record RunFilter(String job, String status, LocalDate from, LocalDate to) {

	}

	record Row(long id, String job, LocalDate businessDate, Long runNumber, String status, String exitStatus,
			LocalDateTime startTime, LocalDateTime endTime) {

	}

	record Page(List<Row> rows, long total) {

	}

}
