package com.successpilot.task;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.successpilot.system.ColumnText;
import com.successpilot.system.MultiRowStatement;

/**
 * Tasks in the database. Raising is an upsert on the active deduplication key: a task
 * still open or snoozed is refreshed (why, evidence, last seen) rather than repeated.
 * What people do to a task (done, snooze, dismiss, reopen) is a conditional update — two
 * clicks at once cannot both succeed — recorded with who and when in {@code task_events}.
 */
@Repository
public class TaskRepository {

	private static final String RAISE = """
			INSERT INTO tasks (dedup_key, active_key, account_id, owner_csm_id, playbook, task_type, priority, title,
			  description, due_date, status, urgent, auto_close, rule_name, why, evidence, rules_version,
			  created_run, created_on, created_at, last_seen_run, last_seen_on, changed_run, updated_at)
			VALUES""";

	private static final String RAISED_TASK = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String REFRESH_TWIN = """
			ON DUPLICATE KEY UPDATE
			  changed_run = CASE WHEN why <> VALUES(why)
			    OR (status = 'SNOOZED' AND snoozed_until <= VALUES(last_seen_on)) THEN VALUES(changed_run) ELSE changed_run END,
			  status = CASE WHEN status = 'SNOOZED' AND snoozed_until <= VALUES(last_seen_on) THEN 'OPEN' ELSE status END,
			  rule_name = VALUES(rule_name), why = VALUES(why), evidence = VALUES(evidence),
			  rules_version = VALUES(rules_version), owner_csm_id = VALUES(owner_csm_id),
			  last_seen_run = VALUES(last_seen_run), last_seen_on = VALUES(last_seen_on), updated_at = VALUES(updated_at)
			""";

	/** Tasks per statement: a chunk's tasks in one or two statements. */
	private static final int TASKS_PER_STATEMENT = 1000;

	private static final String OPEN_TWINS = """
			SELECT id, active_key, rule_name, why, evidence, rules_version, owner_csm_id, status, snoozed_until
			FROM tasks WHERE account_id IN (:accounts) AND status IN ('OPEN', 'SNOOZED')
			""";

	private static final String MARK_SEEN = """
			UPDATE tasks SET last_seen_run = :run, last_seen_on = :runDate, updated_at = :now
			WHERE id IN (:ids) AND (status = 'OPEN' OR (status = 'SNOOZED' AND (snoozed_until IS NULL OR snoozed_until > :runDate)))
			""";

	private static final String AUTO_CLOSE = """
			UPDATE tasks SET status = 'AUTO_CLOSED', active_key = NULL, closed_at = :now, closed_by = 'rules',
			  close_reason = :reason, updated_at = :now, changed_run = :run
			WHERE account_id IN (:accounts) AND auto_close = TRUE AND status IN ('OPEN', 'SNOOZED')
			  AND last_seen_run <> :run
			""";

	private final NamedParameterJdbcTemplate jdbc;

	TaskRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the tasks that have no open or snoozed twin and refreshes those that do.
	 * Most of a night's tasks are twins the run merely sees again: those get only their
	 * last seen run and date, not their long texts, sent again.
	 * @param run the run (job instance) raising them
	 */
	public void raise(List<RaisedTask> tasks, long run, LocalDate runDate, String rulesVersion) {
		if (tasks.isEmpty()) {
			return;
		}
		LocalDateTime now = LocalDateTime.now();
		Map<String, OpenTwin> twins = openTwins(tasks);
		List<RaisedTask> upserts = new ArrayList<>();
		Set<Long> seenAgain = new LinkedHashSet<>();
		for (RaisedTask task : tasks) {
			OpenTwin twin = twins.get(task.dedupKey());
			if (twin != null && twin.unchangedBy(task, rulesVersion, runDate)) {
				seenAgain.add(twin.id());
			}
			else {
				upserts.add(task);
			}
		}
		if (!seenAgain.isEmpty() && markSeen(seenAgain, run, runDate, now) < seenAgain.size()) {
			// a CSM closed or snoozed one of them since they were read: upsert them all
			upserts = tasks;
		}
		if (!upserts.isEmpty()) {
			upsert(upserts, run, runDate, rulesVersion, now);
		}
	}

	/**
	 * The open or snoozed tasks of the raised tasks' accounts, by active key.
	 */
	private Map<String, OpenTwin> openTwins(List<RaisedTask> tasks) {
		Set<Long> accounts = new LinkedHashSet<>();
		tasks.forEach((task) -> accounts.add(task.accountKey()));
		Map<String, OpenTwin> twins = new HashMap<>();
		this.jdbc.query(OPEN_TWINS, new MapSqlParameterSource("accounts", accounts), (rs) -> {
			java.sql.Date snoozedUntil = rs.getDate("snoozed_until");
			twins.put(rs.getString("active_key"),
					new OpenTwin(rs.getLong("id"), rs.getString("rule_name"), rs.getString("why"),
							rs.getString("evidence"), rs.getString("rules_version"),
							rs.getObject("owner_csm_id", Long.class), rs.getString("status"),
							(snoozedUntil != null) ? snoozedUntil.toLocalDate() : null));
		});
		return twins;
	}

	/**
	 * @return how many of the tasks were still open or snoozed (and not due to wake up)
	 */
	private int markSeen(Collection<Long> taskIds, long run, LocalDate runDate, LocalDateTime now) {
		return this.jdbc.update(MARK_SEEN,
				new MapSqlParameterSource("ids", taskIds).addValue("run", run)
					.addValue("runDate", runDate)
					.addValue("now", now));
	}

	private void upsert(List<RaisedTask> tasks, long run, LocalDate runDate, String rulesVersion, LocalDateTime now) {
		new MultiRowStatement<RaisedTask>(RAISE, RAISED_TASK, REFRESH_TWIN, TASKS_PER_STATEMENT,
				TaskRepository::textLength,
				(values, task) -> values.add(task.dedupKey())
					.add(task.dedupKey())
					.add(task.accountKey())
					.add(task.ownerKey())
					.add(task.playbook())
					.add(task.type())
					.add(task.priority())
					.add(ColumnText.fit(task.title(), 500))
					.add(ColumnText.fit(task.description(), 4000))
					.add(task.dueDate())
					.add(task.urgent())
					.add(task.autoClose())
					.add(ruleOf(task))
					.add(whyOf(task))
					.add(evidenceOf(task))
					.add(rulesVersion)
					.add(run)
					.add(runDate)
					.add(now)
					.add(run)
					.add(runDate)
					.add(run)
					.add(now))
			.write(this.jdbc.getJdbcOperations(), tasks);
	}

	private static int textLength(RaisedTask task) {
		return 2 * task.dedupKey().length() + length(task.title()) + length(task.description()) + length(task.why())
				+ length(task.evidence()) + length(task.rule()) + 100;
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

	private static String ruleOf(RaisedTask task) {
		return ColumnText.fit(task.rule(), 300);
	}

	private static String whyOf(RaisedTask task) {
		return ColumnText.fit(task.why(), 4000);
	}

	private static String evidenceOf(RaisedTask task) {
		return ColumnText.fit(task.evidence(), 4000);
	}

	/**
	 * Closes the open or snoozed tasks of auto-closing playbooks that this run judged
	 * again without raising: their condition has cleared.
	 * @return how many were closed
	 */
	public int autoCloseCleared(Collection<Long> accountKeys, long run, LocalDate runDate) {
		if (accountKeys.isEmpty()) {
			return 0;
		}
		return this.jdbc.update(AUTO_CLOSE,
				new MapSqlParameterSource("accounts", accountKeys).addValue("run", run)
					.addValue("now", Timestamp.valueOf(LocalDateTime.now()))
					.addValue("reason", "The condition that raised it no longer held on " + runDate));
	}

	/**
	 * How many tasks a run created from a moment on (a restarted run's attempt counts
	 * only its own). Scans the run's tasks: meant for once per step, not per chunk.
	 */
	public long countCreatedSince(long run, LocalDateTime since) {
		// created_at has whole seconds (rounded or truncated by the database)
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE created_run = :run AND created_at >= :since",
				new MapSqlParameterSource("run", run).addValue("since", Timestamp.valueOf(since.withNano(0))),
				Long.class);
	}

	/**
	 * Snoozes a task until a date: it is not mailed again and, if its rule still fires on
	 * that date, it is open again. It keeps its deduplication key, so no twin is raised
	 * meanwhile. Recorded in {@code task_events} with who and when.
	 * @return {@code false} when the task is not open or snoozed
	 */
	@Transactional
	public boolean snooze(long taskId, LocalDate until, String who, String note) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		int changed = this.jdbc.update("""
				UPDATE tasks SET status = 'SNOOZED', snoozed_until = :until, updated_at = :now
				WHERE id = :id AND status IN ('OPEN', 'SNOOZED')
				""", new MapSqlParameterSource("id", taskId).addValue("until", until).addValue("now", now));
		return changed == 1 && recorded(new ActionRecord(taskId, "SNOOZE", who, now, note, until));
	}

	/**
	 * Marks a task done or dismissed; it gives up its deduplication key, so a later
	 * firing of its rule raises a new task. Recorded in {@code task_events} with who and
	 * when.
	 * @param reason the CSM's note (done) or reason (dismissed)
	 * @return {@code false} when the task is not open or snoozed
	 */
	@Transactional
	public boolean close(long taskId, TaskStatus status, String who, String reason) {
		if (status != TaskStatus.DONE && status != TaskStatus.DISMISSED) {
			throw new IllegalArgumentException("A CSM closes a task as DONE or DISMISSED, not " + status);
		}
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		int changed = this.jdbc.update("""
				UPDATE tasks SET status = :status, active_key = NULL, closed_at = :now, closed_by = :who,
				  close_reason = :reason, updated_at = :now
				WHERE id = :id AND status IN ('OPEN', 'SNOOZED')
				""",
				new MapSqlParameterSource("id", taskId).addValue("status", status.name())
					.addValue("who", who)
					.addValue("reason", ColumnText.fit(reason, 1000))
					.addValue("now", now));
		String action = (status == TaskStatus.DONE) ? "DONE" : "DISMISS";
		return changed == 1 && recorded(new ActionRecord(taskId, action, who, now, reason, null));
	}

	/**
	 * Ends a snooze early: the task is open again, with the key it kept.
	 * @return {@code false} when the task is not snoozed
	 */
	@Transactional
	public boolean reopen(long taskId, String who, String note) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		int changed = this.jdbc.update("""
				UPDATE tasks SET status = 'OPEN', snoozed_until = NULL, updated_at = :now
				WHERE id = :id AND status = 'SNOOZED'
				""", new MapSqlParameterSource("id", taskId).addValue("now", now));
		return changed == 1 && recorded(new ActionRecord(taskId, "REOPEN", who, now, note, null));
	}

	/**
	 * Records what a person did to a task.
	 * @return {@code true}, so a change reads "changed and recorded"
	 */
	private boolean recorded(ActionRecord event) {
		this.jdbc.update("""
				INSERT INTO task_events (task_id, action, actor, acted_at, note, snoozed_until)
				VALUES (:task, :action, :actor, :at, :note, :until)
				""",
				new MapSqlParameterSource("task", event.taskId()).addValue("action", event.action())
					.addValue("actor", ColumnText.fit(event.actor(), 100))
					.addValue("at", event.at())
					.addValue("note", ColumnText.fit(event.note(), 1000))
					.addValue("until", event.snoozedUntil()));
		return true;
	}

	private record ActionRecord(long taskId, String action, String actor, Timestamp at, String note,
			LocalDate snoozedUntil) {

	}

	/**
	 * An open or snoozed task as stored, with what the raising upsert would overwrite.
	 */
	private record OpenTwin(long id, String rule, String why, String evidence, String rulesVersion, Long owner,
			String status, LocalDate snoozedUntil) {

		/**
		 * Whether raising the task again would change nothing but when it was last seen:
		 * the same texts, rules version and owner, and not a snooze that ends.
		 */
		boolean unchangedBy(RaisedTask task, String version, LocalDate runDate) {
			boolean wakesUp = "SNOOZED".equals(this.status) && this.snoozedUntil != null
					&& !this.snoozedUntil.isAfter(runDate);
			return !wakesUp && Objects.equals(this.why, whyOf(task)) && Objects.equals(this.rule, ruleOf(task))
					&& Objects.equals(this.evidence, evidenceOf(task)) && Objects.equals(this.rulesVersion, version)
					&& Objects.equals(this.owner, task.ownerKey());
		}

	}

}
