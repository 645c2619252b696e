package com.successpilot.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.StringNode;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.system.Page;
import com.successpilot.system.Paging;
import com.successpilot.system.SqlConditions;
import com.successpilot.task.TaskHolder;
import com.successpilot.task.TaskStatus;
import com.successpilot.task.TaskView;

/**
 * Reads tasks for the API and the task pages. A CSM's scope is the tasks they hold
 * ({@link TaskHolder}: the CSM a task was handed to, else its account's CSM now), a
 * condition in the SQL itself.
 */
@Repository
public class TaskQueries {

	private static final String COLUMNS = """
			SELECT t.id, t.account_id, a.external_id, a.name AS account_name, c.id AS csm_id, c.name AS csm_name,
			  c.email AS csm_email, t.playbook, t.task_type, t.priority, t.title, t.description, t.due_date, t.status,
			  t.snoozed_until, t.urgent, t.rule_name, t.why, t.created_on, t.last_seen_on, t.closed_at, t.closed_by,
			  t.close_reason, t.rank_score, t.rank_parts,
			  CASE WHEN t.delivered_run = 0 THEN NULL ELSE t.delivered_on END AS delivered_on
			""";

	private static final String FROM = """
			FROM tasks t
			JOIN accounts a ON a.id = t.account_id
			LEFT JOIN csms c ON c.id = """ + TaskHolder.SQL + "\n";

	/**
	 * Highest score first (rules/attention.yml); tasks raised before ranking existed
	 * last; then soonest due.
	 */
	private static final String LIST_ORDER = """
			ORDER BY CASE WHEN t.rank_score IS NULL THEN 1 ELSE 0 END, t.rank_score DESC, t.due_date, t.id
			""";

	/** Open, snoozed and held back first, by score; then the most recently closed. */
	private static final String ACCOUNT_ORDER = """
			ORDER BY CASE WHEN t.status IN ('OPEN', 'SNOOZED', 'QUEUED') THEN 0 ELSE 1 END,
			  CASE WHEN t.status IN ('OPEN', 'SNOOZED', 'QUEUED') THEN t.rank_score END DESC, t.due_date,
			  t.closed_at DESC, t.id DESC
			""";

	private static final ObjectMapper PARTS = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	TaskQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Page<TaskView> list(TaskFilter filter, Paging paging) {
		return list(filter, paging, TaskOrder.SCORE);
	}

	/**
	 * How a task list is sorted; the score first by default.
	 */
	enum TaskOrder {

		/** Highest score first, then soonest due. */
		SCORE(LIST_ORDER),
		/** Soonest due first, then highest score. */
		DUE("ORDER BY t.due_date, CASE WHEN t.rank_score IS NULL THEN 1 ELSE 0 END, t.rank_score DESC, t.id\n"),
		/** By account name, then highest score. */
		ACCOUNT("ORDER BY a.name, CASE WHEN t.rank_score IS NULL THEN 1 ELSE 0 END, t.rank_score DESC, t.id\n");

		private final String sql;

		TaskOrder(String sql) {
			this.sql = sql;
		}

	}

	Page<TaskView> list(TaskFilter filter, Paging paging, TaskOrder order) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", paging.size()).addValue("offset",
				paging.offset());
		String where = where(filter, parameters);
		long total = count(where, parameters);
		List<TaskView> items = this.jdbc.query(COLUMNS + FROM + where + order.sql + "LIMIT :limit OFFSET :offset",
				parameters, (rs, row) -> view(rs));
		return paging.of(items, total);
	}

	/**
	 * How many tasks the filter matches.
	 */
	long count(TaskFilter filter) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		return count(where(filter, parameters), parameters);
	}

	private long count(String where, MapSqlParameterSource parameters) {
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) " + FROM + where, parameters, Long.class);
		return (total != null) ? total : 0;
	}

	/**
	 * The open and snoozed tasks of an account, then its most recently closed ones.
	 */
	public List<TaskView> forAccount(long accountKey, int limit) {
		return this.jdbc.query(COLUMNS + FROM + "WHERE t.account_id = :account " + ACCOUNT_ORDER + "LIMIT :limit",
				new MapSqlParameterSource("account", accountKey).addValue("limit", limit), (rs, row) -> view(rs));
	}

	Optional<TaskDetails> find(long taskId) {
		return this.jdbc.query(COLUMNS
				+ ", t.auto_close, t.evidence, t.created_rules_version, t.rules_version, t.created_run, t.created_at, "
				+ "t.last_seen_run, t.updated_at " + FROM + "WHERE t.id = :id", new MapSqlParameterSource("id", taskId),
				(rs, row) -> new TaskDetails(view(rs), rs.getBoolean("auto_close"), evidence(rs.getString("evidence")),
						rs.getString("created_rules_version"), rs.getString("rules_version"), rs.getLong("created_run"),
						dateTime(rs, "created_at"), rs.getLong("last_seen_run"), dateTime(rs, "updated_at"), List.of()))
			.stream()
			.findFirst()
			.map((task) -> task.withHistory(events(taskId)));
	}

	/**
	 * What people did to a task, oldest first.
	 */
	List<TaskEvent> events(long taskId) {
		return this.jdbc.query("""
				SELECT action, actor, acted_at, note, snoozed_until FROM task_events WHERE task_id = :task
				ORDER BY acted_at, id
				""", new MapSqlParameterSource("task", taskId), (rs, row) -> new TaskEvent(rs.getString("action"),
				rs.getString("actor"), dateTime(rs, "acted_at"), rs.getString("note"), date(rs, "snoozed_until")));
	}

	private static String where(TaskFilter filter, MapSqlParameterSource parameters) {
		return new SqlConditions(parameters)
			.and("t.status IN (:statuses)", "statuses", filter.statuses().stream().map(TaskStatus::name).toList())
			.and(TaskHolder.SQL + " = :scope", "scope", filter.scopeCsm())
			.and(TaskHolder.SQL + " = :csmId", "csmId", filter.csmId())
			.and("LOWER(c.email) = LOWER(:csmEmail)", "csmEmail", filter.csmEmail())
			.and("t.account_id = :accountId", "accountId", filter.accountId())
			.and("a.external_id = :accountExternalId", "accountExternalId", filter.accountExternalId())
			.and("t.task_type = :type", "type", filter.type())
			.and("t.priority = :priority", "priority", filter.priority())
			.and("t.playbook = :playbook", "playbook", filter.playbook())
			.and("t.due_date < :dueBefore", "dueBefore", filter.dueBefore())
			.and("t.due_date >= :dueFrom", "dueFrom", filter.dueFrom())
			.and("LOWER(a.name) LIKE :accountName ESCAPE '!'", "accountName", contains(filter.accountName()))
			.toString();
	}

	private static String contains(String text) {
		if (text == null) {
			return null;
		}
		String escaped = text.toLowerCase(java.util.Locale.ROOT)
			.replace("!", "!!")
			.replace("%", "!%")
			.replace("_", "!_");
		return "%" + escaped + "%";
	}

	/**
	 * The playbooks tasks were raised by, for the filter's choices.
	 */
	List<String> playbooks() {
		return this.jdbc.getJdbcOperations()
			.queryForList("SELECT DISTINCT playbook FROM tasks ORDER BY playbook", String.class);
	}

	/**
	 * The CSMs, by name, for OPS to filter by and reassign to.
	 */
	List<TaskView.Csm> csms() {
		return this.jdbc.query("SELECT id, name, email FROM csms ORDER BY name, email",
				(rs, row) -> new TaskView.Csm(rs.getLong("id"), rs.getString("name"), rs.getString("email")));
	}

	Optional<TaskView.Csm> csm(long id) {
		return this.jdbc
			.query("SELECT id, name, email FROM csms WHERE id = :id", new MapSqlParameterSource("id", id),
					(rs, row) -> new TaskView.Csm(rs.getLong("id"), rs.getString("name"), rs.getString("email")))
			.stream()
			.findFirst();
	}

	private JsonNode evidence(String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			// evidence longer than its column was cut and is no JSON any more: show it as
			// text
			return StringNode.valueOf(text);
		}
	}

	private static TaskView view(ResultSet rs) throws SQLException {
		Long csmId = rs.getObject("csm_id", Long.class);
		return new TaskView(rs.getLong("id"),
				new TaskView.Account(rs.getLong("account_id"), rs.getString("external_id"),
						rs.getString("account_name")),
				(csmId != null) ? new TaskView.Csm(csmId, rs.getString("csm_name"), rs.getString("csm_email")) : null,
				rs.getString("playbook"), rs.getString("task_type"), rs.getString("priority"), rs.getString("title"),
				rs.getString("description"), date(rs, "due_date"), TaskStatus.valueOf(rs.getString("status")),
				date(rs, "snoozed_until"), rs.getBoolean("urgent"), rs.getString("rule_name"), rs.getString("why"),
				date(rs, "created_on"), date(rs, "last_seen_on"), dateTime(rs, "closed_at"), rs.getString("closed_by"),
				rs.getString("close_reason"), rank(rs), date(rs, "delivered_on"));
	}

	private static TaskView.Rank rank(ResultSet rs) throws SQLException {
		Double score = rs.getObject("rank_score", Double.class);
		String parts = rs.getString("rank_parts");
		if (score == null || parts == null) {
			return null;
		}
		try {
			JsonNode json = PARTS.readTree(parts);
			return new TaskView.Rank(score, json.path("severity").asDouble(), json.path("value").asDouble(),
					json.path("time").asDouble(), json.path("trend").asDouble());
		}
		catch (JacksonException ex) {
			return new TaskView.Rank(score, 0, 0, 0, 0);
		}
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	private static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
