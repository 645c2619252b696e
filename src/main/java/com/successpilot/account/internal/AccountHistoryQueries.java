package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the account page shows besides the account itself, one query each: the success
 * plan (goals with their periods), NPS answers, support tickets, and what people did to
 * the account's tasks.
 */
@Repository
class AccountHistoryQueries {

	private final NamedParameterJdbcTemplate jdbc;

	AccountHistoryQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The goals, soonest due first, each with its periods in order. */
	List<Goal> goals(long account) {
		Map<Long, Goal> goals = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT g.id, g.name, g.metric, g.unit, g.baseline, g.target AS goal_target, g.due_date, p.period,
				  p.period_start, p.period_end, p.target, p.actual
				FROM success_goals g LEFT JOIN goal_periods p ON p.goal_id = g.id
				WHERE g.account_id = :account ORDER BY g.due_date, g.id, p.period_start, p.id
				""", new MapSqlParameterSource("account", account), (RowCallbackHandler) (rs) -> {
			Goal goal = goals.computeIfAbsent(rs.getLong("id"), (id) -> goal(rs));
			if (rs.getString("period") != null) {
				goal.periods()
					.add(new GoalPeriod(rs.getString("period"), date(rs, "period_start"), date(rs, "period_end"),
							rs.getBigDecimal("target"), rs.getBigDecimal("actual")));
			}
		});
		return new ArrayList<>(goals.values());
	}

	/** The latest NPS answers, newest first. */
	List<NpsAnswer> nps(long account, int limit) {
		return this.jdbc.query("""
				SELECT responded_on, score, respondent_role, comment FROM nps_responses
				WHERE account_id = :account ORDER BY responded_on DESC, id DESC LIMIT :limit
				""", new MapSqlParameterSource("account", account).addValue("limit", limit),
				(rs, row) -> new NpsAnswer(date(rs, "responded_on"), rs.getInt("score"),
						rs.getString("respondent_role"), rs.getString("comment")));
	}

	/** The latest tickets, newest first. */
	List<Ticket> tickets(long account, int limit) {
		return this.jdbc.query("""
				SELECT external_id, subject, opened_at, closed_at, priority, escalated, csat FROM support_tickets
				WHERE account_id = :account ORDER BY opened_at DESC, id DESC LIMIT :limit
				""", new MapSqlParameterSource("account", account).addValue("limit", limit),
				(rs, row) -> new Ticket(rs.getString("external_id"), rs.getString("subject"), time(rs, "opened_at"),
						time(rs, "closed_at"), rs.getString("priority"), rs.getBoolean("escalated"),
						rs.getObject("csat", Integer.class)));
	}

	/** What people did to the account's tasks, by task, oldest first. */
	Map<Long, List<TaskEvent>> taskEvents(long account) {
		Map<Long, List<TaskEvent>> events = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT e.task_id, e.action, e.actor, e.acted_at, e.note, e.snoozed_until
				FROM task_events e JOIN tasks t ON t.id = e.task_id
				WHERE t.account_id = :account ORDER BY e.acted_at, e.id
				""", new MapSqlParameterSource("account", account),
				(RowCallbackHandler) (rs) -> events.computeIfAbsent(rs.getLong("task_id"), (id) -> new ArrayList<>())
					.add(new TaskEvent(rs.getString("action"), rs.getString("actor"), time(rs, "acted_at"),
							rs.getString("note"), date(rs, "snoozed_until"))));
		return events;
	}

	private static Goal goal(ResultSet rs) {
		try {
			return new Goal(rs.getString("name"), rs.getString("metric"), rs.getString("unit"),
					rs.getBigDecimal("baseline"), rs.getBigDecimal("goal_target"), date(rs, "due_date"),
					new ArrayList<>());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp time = rs.getTimestamp(column);
		return (time != null) ? time.toLocalDateTime() : null;
	}

	/** A goal of the success plan. */
	record Goal(String name, String metric, String unit, BigDecimal baseline, BigDecimal target, LocalDate dueDate,
			List<GoalPeriod> periods) {

		/** A goal to bring a number down (e.g. hours to quote: 47 → 24). */
		public boolean lowerIsBetter() {
			return this.target.compareTo(this.baseline) < 0;
		}

	}

	/**
	 * A month or quarter of a goal: its target and what was reached ({@code null} while
	 * not reported).
	 */
	record GoalPeriod(String period, LocalDate start, LocalDate end, BigDecimal target, BigDecimal actual) {

		/**
		 * How much of the target was reached, in percent ({@code actual / target}, or
		 * {@code target / actual} for a goal to bring a number down), {@code null}
		 * without an actual.
		 */
		public Integer attainmentPct(boolean lowerIsBetter) {
			BigDecimal reached = lowerIsBetter ? this.target : this.actual;
			BigDecimal aim = lowerIsBetter ? this.actual : this.target;
			if (reached == null || aim == null || aim.signum() == 0) {
				return null;
			}
			return reached.multiply(BigDecimal.valueOf(100)).divide(aim, 0, java.math.RoundingMode.HALF_UP).intValue();
		}

		/** Whether the actual misses the target (never for a period not reported). */
		boolean missed(boolean lowerIsBetter) {
			if (this.actual == null || this.target == null) {
				return false;
			}
			int comparison = this.actual.compareTo(this.target);
			return lowerIsBetter ? comparison > 0 : comparison < 0;
		}

	}

	record NpsAnswer(LocalDate on, int score, String role, String comment) {

	}

	record Ticket(String externalId, String subject, LocalDateTime openedAt, LocalDateTime closedAt, String priority,
			boolean escalated, Integer csat) {

	}

	record TaskEvent(String action, String actor, LocalDateTime at, String note, LocalDate snoozedUntil) {

	}

}
