package com.successpilot.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
			INSERT INTO tasks (dedup_key, active_key, occurrence, account_id, owner_csm_id, playbook, task_type, priority,
			  title, description, due_date, status, urgent, auto_close, rule_name, why, evidence, rules_version,
			  created_rules_version, rank_score, rank_parts, created_run, created_on, created_at, last_seen_run, last_seen_on, changed_run,
			  updated_at, delivered_run, delivered_on)
			VALUES""";

	private static final String RAISED_TASK = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

	// a chunk raising a task that appeared since its twins were read (a re-run racing a
	// person's action) only marks it seen
	private static final String SEEN_TWIN = """
			ON DUPLICATE KEY UPDATE last_seen_run = VALUES(last_seen_run), last_seen_on = VALUES(last_seen_on),
			  updated_at = VALUES(updated_at)
			""";

	private static final String REFRESH = """
			UPDATE tasks SET dedup_key = ?, occurrence = ?, rule_name = ?, why = ?, evidence = ?, rules_version = ?,
			  owner_csm_id = COALESCE(assigned_csm_id, ?), priority = ?, due_date = ?, rank_score = ?, rank_parts = ?,
			  status = CASE WHEN status = 'SNOOZED' AND snoozed_until <= ? THEN 'OPEN' ELSE status END,
			  changed_run = ?, change_note = ?, mailed_evidence = ?, last_seen_run = ?, last_seen_on = ?, updated_at = ?
			WHERE id = ? AND status IN ('OPEN', 'SNOOZED', 'QUEUED')
			""";

	/** Tasks per statement: a chunk's tasks in one or two statements. */
	private static final int TASKS_PER_STATEMENT = 1000;

	// the twins a raised task may have, and the keys people closed (done or dismissed)
	// for good: one read per chunk
	private static final String TWINS_AND_DECISIONS = """
			SELECT id, status, dedup_key, active_key, occurrence, rule_name, why, evidence, mailed_evidence, rules_version,
			  owner_csm_id, snoozed_until, priority, due_date, rank_score, rank_parts, delivered_run, changed_run, change_note,
			  assigned_csm_id
			FROM tasks WHERE account_id IN (:accounts) AND status IN ('OPEN', 'SNOOZED', 'QUEUED')
			UNION ALL
			SELECT NULL, status, dedup_key, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
			  NULL, NULL, NULL, NULL
			FROM tasks WHERE account_id IN (:accounts) AND status IN ('DONE', 'DISMISSED')
			""";

	// what a preview reads instead: the active tasks with what closing them depends on
	private static final String ACTIVE_AND_DECIDED = """
			SELECT id, account_id, owner_csm_id, status, dedup_key, active_key, playbook, priority, auto_close, rank_score
			FROM tasks WHERE account_id IN (:accounts) AND status IN ('OPEN', 'SNOOZED', 'QUEUED', 'DONE', 'DISMISSED')
			""";

	private static final String MARK_SEEN = """
			UPDATE tasks SET last_seen_run = :run, last_seen_on = :runDate, updated_at = :now
			WHERE id IN (:ids)
			  AND (status IN ('OPEN', 'QUEUED') OR (status = 'SNOOZED' AND (snoozed_until IS NULL OR snoozed_until > :runDate)))
			""";

	// tasks held back whose rule no longer fires are closed whatever their playbook says:
	// what never reached the CSM must not reach them once it no longer holds
	private static final String AUTO_CLOSE = """
			UPDATE tasks SET status = 'AUTO_CLOSED', active_key = NULL, closed_at = :now, closed_by = 'rules',
			  close_reason = :reason, updated_at = :now, changed_run = :run
			WHERE account_id IN (:accounts) AND last_seen_run <> :run
			  AND ((auto_close = TRUE AND status IN ('OPEN', 'SNOOZED')) OR status = 'QUEUED')
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	TaskRepository(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records what the rules raised for a chunk of accounts:
	 * <ul>
	 * <li>a task with no open, snoozed or held-back twin (same active key) is created
	 * held back ({@code QUEUED}): the attention step decides whether it reaches its CSM
	 * tonight — unless a CSM already marked it done or dismissed for the same occurrence
	 * (same dedup key), which is a decision the rules respect;</li>
	 * <li>a twin is refreshed: why, evidence, score, owner, occurrence. It counts as
	 * changed for its CSM ({@code changed_run}) only when the change is material (see
	 * {@link MaterialChange}) and the CSM already has it;</li>
	 * <li>a twin with nothing new is only marked seen (most of a night's tasks).</li>
	 * </ul>
	 * @param run the run (job instance) raising them
	 * @param marginPct how much further a fact must cross its threshold to be material
	 * @return how many tasks were created
	 */
	public int raise(List<RaisedTask> raised, long run, LocalDate runDate, String rulesVersion, double marginPct) {
		if (raised.isEmpty()) {
			return 0;
		}
		List<RaisedTask> tasks = raised.stream().map(TaskRepository::fitted).toList();
		LocalDateTime now = LocalDateTime.now(this.clock);
		Map<String, MaterialChange.StoredTask> twins = new HashMap<>();
		Set<String> decided = new HashSet<>();
		readTwinsAndDecisions(tasks, twins, decided);
		List<RaisedTask> created = new ArrayList<>();
		List<Object[]> refreshed = new ArrayList<>();
		Set<Long> seenAgain = new LinkedHashSet<>();
		for (RaisedTask task : tasks) {
			MaterialChange.StoredTask twin = twins.get(task.activeKey());
			if (twin == null) {
				if (TaskDecision.creates(task.dedupKey(), false, decided)) {
					created.add(task);
				}
				continue;
			}
			// a due date moves only earlier: counted from the day the task was raised
			LocalDate dueDate = task.dueDate().isBefore(twin.dueDate()) ? task.dueDate() : twin.dueDate();
			boolean wakesUp = twin.wakesUpOn(runDate);
			if (!wakesUp && twin.sameAs(task, rulesVersion, dueDate)) {
				seenAgain.add(twin.id());
				continue;
			}
			refreshed.add(refresh(twin, task, dueDate, wakesUp, run, runDate, rulesVersion, marginPct, now));
		}
		if (!seenAgain.isEmpty()) {
			markSeen(seenAgain, run, runDate, now);
		}
		if (!refreshed.isEmpty()) {
			this.jdbc.getJdbcOperations().batchUpdate(REFRESH, refreshed);
		}
		if (!created.isEmpty()) {
			create(created, run, runDate, rulesVersion, now);
		}
		return created.size();
	}

	private static Object[] refresh(MaterialChange.StoredTask twin, RaisedTask task, LocalDate dueDate, boolean wakesUp,
			long run, LocalDate runDate, String rulesVersion, double marginPct, LocalDateTime now) {
		String material = twin.delivered() ? MaterialChange.between(twin, task, dueDate, wakesUp, marginPct) : "";
		boolean changed = !material.isEmpty();
		return new Object[] { task.dedupKey(), task.occurrence().isEmpty() ? null : task.occurrence(), task.rule(),
				task.why(), task.evidence(), rulesVersion, task.ownerKey(), task.priority(), dueDate, task.rankScore(),
				task.rankParts(), runDate, changed ? run : twin.changedRun(),
				changed ? ColumnText.fit(material, 300) : twin.changeNote(),
				(changed || !twin.delivered()) ? null : twin.toldEvidence(), run, runDate, now, twin.id() };
	}

	/**
	 * The open, snoozed or held-back tasks of the raised tasks' accounts by active key,
	 * and the dedup keys of those people marked done or dismissed.
	 */
	private void readTwinsAndDecisions(List<RaisedTask> tasks, Map<String, MaterialChange.StoredTask> twins,
			Set<String> decided) {
		this.jdbc.query(TWINS_AND_DECISIONS, new MapSqlParameterSource("accounts", accountsOf(tasks)), (rs) -> {
			String status = rs.getString("status");
			if ("DONE".equals(status) || "DISMISSED".equals(status)) {
				decided.add(rs.getString("dedup_key"));
				return;
			}
			twins.put(rs.getString("active_key"),
					new MaterialChange.StoredTask(rs.getLong("id"), rs.getString("active_key"),
							rs.getString("occurrence"), rs.getString("rule_name"), rs.getString("why"),
							rs.getString("evidence"), rs.getString("mailed_evidence"), rs.getString("rules_version"),
							rs.getObject("owner_csm_id", Long.class), status, date(rs.getDate("snoozed_until")),
							rs.getString("priority"), date(rs.getDate("due_date")),
							rs.getObject("rank_score", Double.class), rs.getString("rank_parts"),
							deliveredRun(rs.getLong("delivered_run")), rs.getLong("changed_run"),
							rs.getString("change_note"), rs.getObject("assigned_csm_id", Long.class)));
		});
	}

	private static Set<Long> accountsOf(List<RaisedTask> tasks) {
		Set<Long> accounts = new LinkedHashSet<>();
		tasks.forEach((task) -> accounts.add(task.accountKey()));
		return accounts;
	}

	/**
	 * The run that delivered a task to its CSM, {@code null} while it is held back
	 * (stored as 0 so that delivering rewrites the row in place).
	 */
	static Long deliveredRun(long stored) {
		return (stored == 0) ? null : stored;
	}

	private static LocalDate date(java.sql.Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	private void markSeen(Collection<Long> taskIds, long run, LocalDate runDate, LocalDateTime now) {
		this.jdbc.update(MARK_SEEN,
				new MapSqlParameterSource("ids", taskIds).addValue("run", run)
					.addValue("runDate", runDate)
					.addValue("now", now));
	}

	private void create(List<RaisedTask> tasks, long run, LocalDate runDate, String rulesVersion, LocalDateTime now) {
		new MultiRowStatement<RaisedTask>(RAISE, RAISED_TASK, SEEN_TWIN, TASKS_PER_STATEMENT,
				TaskRepository::textLength,
				(values, task) -> values.add(task.dedupKey())
					.add(task.activeKey())
					.add(task.occurrence().isEmpty() ? null : task.occurrence())
					.add(task.accountKey())
					.add(task.ownerKey())
					.add(task.playbook())
					.add(task.type())
					.add(task.priority())
					.add(task.title())
					.add(task.description())
					.add(task.dueDate())
					.add(task.urgent())
					.add(task.autoClose())
					.add(task.rule())
					.add(task.why())
					.add(task.evidence())
					.add(rulesVersion)
					.add(rulesVersion)
					.add(task.rankScore())
					.add(task.rankParts())
					.add(run)
					.add(runDate)
					.add(now)
					.add(run)
					.add(runDate)
					.add(run)
					.add(now)
					// held back (delivered_run 0): its steps count from today until it is
					// delivered
					.add(runDate))
			.write(this.jdbc.getJdbcOperations(), tasks);
	}

	private static int textLength(RaisedTask task) {
		return 2 * task.dedupKey().length() + length(task.title()) + length(task.description()) + length(task.why())
				+ length(task.evidence()) + length(task.rule()) + length(task.rankParts()) + 120;
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

	/**
	 * The task with its texts cut to their columns, so what is compared is what is
	 * stored.
	 */
	private static RaisedTask fitted(RaisedTask task) {
		return new RaisedTask(ColumnText.fit(task.activeKey(), 219), ColumnText.fit(task.occurrence(), 80),
				task.accountKey(), task.ownerKey(), task.playbook(), task.type(), task.priority(),
				ColumnText.fit(task.title(), 500), ColumnText.fit(task.description(), 4000), task.dueDate(),
				task.urgent(), task.autoClose(), ColumnText.fit(task.rule(), 300), ColumnText.fit(task.why(), 4000),
				ColumnText.fit(task.evidence(), 4000), task.rankScore(), task.rankParts());
	}

	/**
	 * The tasks of a chunk of accounts as {@link #raise} and {@link #autoCloseCleared}
	 * see them — open, snoozed and held back, and the keys people closed — read in the
	 * caller's (read-only) transaction, to foresee what raising would do without writing
	 * ({@link StoredTasks#foresee}).
	 */
	public StoredTasks storedFor(Collection<Long> accounts) {
		List<TaskForecast.StoredTask> active = new ArrayList<>();
		Set<String> decided = new HashSet<>();
		if (!accounts.isEmpty()) {
			this.jdbc.query(ACTIVE_AND_DECIDED, new MapSqlParameterSource("accounts", accounts), (rs) -> {
				String status = rs.getString("status");
				if ("DONE".equals(status) || "DISMISSED".equals(status)) {
					decided.add(rs.getString("dedup_key"));
					return;
				}
				active.add(new TaskForecast.StoredTask(rs.getLong("id"), rs.getLong("account_id"),
						rs.getObject("owner_csm_id", Long.class), rs.getString("active_key"), rs.getString("playbook"),
						rs.getString("priority"), status, rs.getBoolean("auto_close"), rs.getDouble("rank_score")));
			});
		}
		return new StoredTasks(active, decided);
	}

	/**
	 * A chunk's tasks as stored, and what raising tasks for it would do.
	 */
	public static final class StoredTasks {

		private final List<TaskForecast.StoredTask> active;

		private final Map<String, TaskForecast.StoredTask> twins = new HashMap<>();

		private final Set<String> decided;

		StoredTasks(List<TaskForecast.StoredTask> active, Set<String> decided) {
			this.active = active;
			this.decided = decided;
			active.forEach((task) -> this.twins.put(task.activeKey(), task));
		}

		/**
		 * What {@link TaskRepository#raise} and {@link TaskRepository#autoCloseCleared}
		 * would do with these tasks: the same decisions ({@link TaskDecision}) on the
		 * same rows, nothing written.
		 * @param raised the tasks the rules raised for the chunk's accounts, ranked
		 * @param judgedCleanly the accounts judged without a rule error (their cleared
		 * tasks close)
		 */
		public TaskForecast foresee(List<RaisedTask> raised, Collection<Long> judgedCleanly) {
			List<RaisedTask> created = new ArrayList<>();
			List<TaskForecast.Reprioritised> reprioritised = new ArrayList<>();
			Map<Long, RaisedTask> raisedAgain = new HashMap<>();
			for (RaisedTask task : raised.stream().map(TaskRepository::fitted).toList()) {
				TaskForecast.StoredTask twin = this.twins.get(task.activeKey());
				if (twin == null) {
					if (TaskDecision.creates(task.dedupKey(), false, this.decided)) {
						created.add(task);
					}
					continue;
				}
				raisedAgain.put(twin.id(), task);
				if (!twin.priority().equals(task.priority())) {
					reprioritised.add(new TaskForecast.Reprioritised(twin, task));
				}
			}
			Set<Long> clean = new HashSet<>(judgedCleanly);
			List<TaskForecast.StoredTask> closed = new ArrayList<>();
			List<TaskForecast.StoredTask> stayActive = new ArrayList<>();
			for (TaskForecast.StoredTask task : this.active) {
				RaisedTask again = raisedAgain.get(task.id());
				if (again == null && clean.contains(task.accountKey())
						&& TaskDecision.closesWhenNotRaised(task.status(), task.autoClose())) {
					closed.add(task);
				}
				else {
					stayActive.add((again != null) ? task.scored(again.rankScore()) : task);
				}
			}
			return new TaskForecast(created, reprioritised, closed, stayActive);
		}

	}

	/**
	 * Closes the open or snoozed tasks of auto-closing playbooks, and every held-back
	 * task, that this run judged again without raising: their condition has cleared.
	 * @return how many were closed
	 */
	public int autoCloseCleared(Collection<Long> accountKeys, long run, LocalDate runDate) {
		if (accountKeys.isEmpty()) {
			return 0;
		}
		return this.jdbc.update(AUTO_CLOSE,
				new MapSqlParameterSource("accounts", accountKeys).addValue("run", run)
					.addValue("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
					.addValue("reason", "The condition that raised it no longer held on " + runDate));
	}

	/**
	 * Closes every task a run created that is still open, snoozed or held back: the run
	 * was discarded after review. Closed as AUTO_CLOSED, not dismissed — nobody judged
	 * the tasks themselves, so a later night whose rules still raise them raises them
	 * again.
	 * @return how many were closed
	 */
	public int closeCreatedBy(long run, String who, String reason) {
		return this.jdbc.update("""
				UPDATE tasks SET status = 'AUTO_CLOSED', active_key = NULL, closed_at = :now, closed_by = :who,
				  close_reason = :reason, updated_at = :now
				WHERE created_run = :run AND status IN ('OPEN', 'SNOOZED', 'QUEUED')
				""",
				new MapSqlParameterSource("run", run).addValue("who", ColumnText.fit(who, 200))
					.addValue("reason", ColumnText.fit(reason, 1000))
					.addValue("now", Timestamp.valueOf(LocalDateTime.now(this.clock))));
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
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
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
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
		int changed = this.jdbc.update("""
				UPDATE tasks SET status = :status, active_key = NULL, closed_at = :now, closed_by = :who,
				  close_reason = :reason, updated_at = :now
				WHERE id = :id AND status IN ('OPEN', 'SNOOZED', 'QUEUED')
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
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
		int changed = this.jdbc.update("""
				UPDATE tasks SET status = 'OPEN', snoozed_until = NULL, updated_at = :now
				WHERE id = :id AND status = 'SNOOZED'
				""", new MapSqlParameterSource("id", taskId).addValue("now", now));
		return changed == 1 && recorded(new ActionRecord(taskId, "REOPEN", who, now, note, null));
	}

	/**
	 * Hands an open, snoozed or held-back task to another CSM than its account's: it is
	 * theirs from now on, also when the rules refresh it. Recorded in {@code task_events}
	 * with who, when and to whom.
	 * @param to the CSM's database id
	 * @param toWhom the CSM in words, for the history
	 * @return {@code false} when the task is closed
	 */
	@Transactional
	public boolean reassign(long taskId, long to, String toWhom, String who) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
		int changed = this.jdbc.update("""
				UPDATE tasks SET assigned_csm_id = :csm, owner_csm_id = :csm, updated_at = :now
				WHERE id = :id AND status IN ('OPEN', 'SNOOZED', 'QUEUED')
				""", new MapSqlParameterSource("id", taskId).addValue("csm", to).addValue("now", now));
		return changed == 1 && recorded(new ActionRecord(taskId, "REASSIGN", who, now, toWhom, null));
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

}
