package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.system.SqlConditions;
import com.successpilot.task.TaskHolder;

/**
 * Reads a CSM's day (or, for OPS, everyone's or one CSM's): the open tasks by score, the
 * overdue ones, the snoozed ones coming back, and the accounts whose health grade is
 * worse than a week ago. Tasks are scoped by who holds them ({@link TaskHolder}: a task
 * handed to another CSM is on their day, not on the account's CSM's); accounts by their
 * CSM, as every account list is.
 */
@Repository
class MyDayQueries {

	private static final String TASK = """
			SELECT t.id, t.title, t.priority, t.due_date, t.status, t.snoozed_until, t.rank_score, a.id AS account_id,
			  a.name AS account_name, a.csm_id AS account_csm_id
			FROM tasks t JOIN accounts a ON a.id = t.account_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	MyDayQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Open tasks, highest score first (rules/attention.yml), then soonest due. */
	List<DayTask> ranked(Long csm, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		return this.jdbc.query(TASK + where(parameters, csm, "t.status = 'OPEN'")
				+ "ORDER BY CASE WHEN t.rank_score IS NULL THEN 1 ELSE 0 END, t.rank_score DESC, t.due_date, t.id "
				+ "LIMIT :limit", parameters, (rs, row) -> task(rs));
	}

	/** Open tasks due before today, the longest overdue first. */
	List<DayTask> overdue(Long csm, LocalDate today, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit).addValue("today", today);
		return this.jdbc.query(TASK + where(parameters, csm, "t.status = 'OPEN' AND t.due_date < :today")
				+ "ORDER BY t.due_date, t.id LIMIT :limit", parameters, (rs, row) -> task(rs));
	}

	/** Snoozed tasks coming back on or before {@code until}, the soonest first. */
	List<DayTask> comingBack(Long csm, LocalDate until, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit).addValue("until", until);
		return this.jdbc.query(TASK + where(parameters, csm, "t.status = 'SNOOZED' AND t.snoozed_until <= :until")
				+ "ORDER BY t.snoozed_until, t.id LIMIT :limit", parameters, (rs, row) -> task(rs));
	}

	/**
	 * Accounts whose latest grade is worse (later in the alphabet: A is best) than their
	 * grade on the latest run on or before {@code weekAgo}, the largest fall first.
	 */
	List<GradeDrop> gradeDrops(Long csm, LocalDate weekAgo, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit).addValue("weekAgo", weekAgo);
		String where = new SqlConditions(parameters).and("UPPER(h.grade) > UPPER(w.grade)", "weekAgo", weekAgo)
			.and("a.csm_id = :csm", "csm", csm)
			.toString();
		return this.jdbc.query("""
				SELECT a.id, a.name, a.external_id, h.grade, h.overall_score, h.drag, w.grade AS was_grade,
				  w.overall_score AS was_score, w.run_date AS was_date
				FROM accounts a
				JOIN health_scores h ON h.account_id = a.id
				  AND h.run_date = (SELECT MAX(l.run_date) FROM health_scores l WHERE l.account_id = a.id)
				JOIN health_scores w ON w.account_id = a.id
				  AND w.run_date = (SELECT MAX(l.run_date) FROM health_scores l WHERE l.account_id = a.id
				    AND l.run_date <= :weekAgo)
				""" + where + "ORDER BY h.overall_score - w.overall_score, a.name, a.id LIMIT :limit", parameters,
				(rs, row) -> new GradeDrop(rs.getLong("id"), rs.getString("name"), rs.getString("external_id"),
						rs.getString("was_grade"), rs.getBigDecimal("was_score"), rs.getString("grade"),
						rs.getBigDecimal("overall_score"), rs.getString("drag")));
	}

	private static String where(MapSqlParameterSource parameters, Long csm, String condition) {
		String scoped = new SqlConditions(parameters).and(TaskHolder.SQL + " = :csm", "csm", csm).toString();
		return scoped.isEmpty() ? "WHERE " + condition + "\n" : scoped.strip() + " AND " + condition + "\n";
	}

	private static DayTask task(ResultSet rs) throws SQLException {
		java.sql.Date snoozed = rs.getDate("snoozed_until");
		return new DayTask(rs.getLong("id"), rs.getString("title"), rs.getString("priority"),
				rs.getDate("due_date").toLocalDate(), rs.getString("status"),
				(snoozed != null) ? snoozed.toLocalDate() : null, score(rs), rs.getLong("account_id"),
				rs.getString("account_name"), rs.getObject("account_csm_id", Long.class));
	}

	private static Double score(ResultSet rs) throws SQLException {
		double score = rs.getDouble("rank_score");
		return rs.wasNull() ? null : score;
	}

	/**
	 * A task on the day page.
	 *
	 * @param score its attention score, {@code null} for a task raised before ranking
	 * @param accountCsmId the account's CSM: a CSM holding a task handed over from
	 * another CSM's account may open the task, not the account
	 */
	record DayTask(long id, String title, String priority, LocalDate dueDate, String status, LocalDate snoozedUntil,
			Double score, long accountId, String accountName, Long accountCsmId) {

		/** Days past the due date on {@code today}, 0 when not late. */
		public long daysLate(LocalDate today) {
			return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(this.dueDate, today));
		}

	}

	/**
	 * An account whose health grade fell since last week.
	 */
	record GradeDrop(long accountId, String name, String externalId, String wasGrade, BigDecimal wasScore, String grade,
			BigDecimal score, String drag) {

	}

}
