package com.successpilot.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which tasks have reached their CSM. The rules raise new tasks held back
 * ({@code QUEUED}, {@code delivered_run} 0, {@code delivered_on} the day raised); the
 * attention step delivers them (status {@code OPEN}, {@code delivered_run},
 * {@code delivered_on}) by score within each CSM's budget, rewriting each row in place.
 */
@Repository
public class TaskDeliveries {

	private static final String LOADS = """
			SELECT owner_csm_id AS csm,
			  SUM(CASE WHEN delivered_run <> 0 AND delivered_on = :runDate THEN 1 ELSE 0 END) AS delivered_today,
			  SUM(CASE WHEN status IN ('OPEN', 'SNOOZED') THEN 1 ELSE 0 END) AS open_now,
			  SUM(CASE WHEN status = 'QUEUED' THEN 1 ELSE 0 END) AS queued,
			  SUM(CASE WHEN created_run = :run THEN 1 ELSE 0 END) AS raised,
			  SUM(CASE WHEN changed_run = :run AND status = 'AUTO_CLOSED' AND delivered_run = 0 THEN 1 ELSE 0 END)
			    AS closed_while_held,
			  SUM(CASE WHEN changed_run = :run AND delivered_run <> 0 AND delivered_run <> :run
			    AND status IN ('OPEN', 'AUTO_CLOSED') THEN 1 ELSE 0 END) AS changed
			FROM tasks
			WHERE owner_csm_id IS NOT NULL
			  AND (status IN ('OPEN', 'SNOOZED', 'QUEUED') OR delivered_on = :runDate OR changed_run = :run
			    OR created_run = :run)
			GROUP BY owner_csm_id
			""";

	// the best-ranked tasks held back per CSM; a CSM's capacity filters in Java
	private static final String RANKED_QUEUE = """
			SELECT id, csm, place, urgent, created_run, created_on FROM (
			  SELECT id, owner_csm_id AS csm, urgent, created_run, created_on,
			    ROW_NUMBER() OVER (PARTITION BY owner_csm_id ORDER BY rank_score DESC, due_date, id) AS place
			  FROM tasks WHERE status = 'QUEUED' AND owner_csm_id IS NOT NULL) ranked
			WHERE place <= :most
			ORDER BY csm, place
			""";

	// a task held back since an earlier day is due as many days after its delivery as it
	// was due after it was raised: the CSM gets the playbook's time to act
	private static final String DELIVER = """
			UPDATE tasks SET status = 'OPEN', delivered_run = :run, delivered_on = :runDate, changed_run = :run,
			  due_date = TIMESTAMPADD(DAY, :waited, due_date), change_note = NULL, mailed_evidence = NULL, updated_at = :now
			WHERE id IN (:ids) AND status = 'QUEUED'
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	TaskDeliveries(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Per CSM (database id): what they hold, what they got today and what this run did.
	 */
	public Map<Long, CsmLoad> loads(long run, LocalDate runDate) {
		Map<Long, CsmLoad> loads = new LinkedHashMap<>();
		this.jdbc.query(LOADS, new MapSqlParameterSource("run", run).addValue("runDate", runDate), (rs) -> {
			loads.put(rs.getLong("csm"), new CsmLoad(rs.getInt("delivered_today"), rs.getInt("open_now"),
					rs.getInt("queued"), rs.getInt("raised"), rs.getInt("closed_while_held"), rs.getInt("changed")));
		});
		return loads;
	}

	/**
	 * The tasks held back for each CSM, best score first, at most {@code most} per CSM.
	 */
	public Map<Long, List<QueuedTask>> queue(int most) {
		Map<Long, List<QueuedTask>> queue = new HashMap<>();
		if (most <= 0) {
			return queue;
		}
		this.jdbc.query(RANKED_QUEUE, new MapSqlParameterSource("most", most), (rs) -> {
			long csm = rs.getLong("csm");
			queue.computeIfAbsent(csm, (key) -> new ArrayList<>())
				.add(new QueuedTask(rs.getLong("id"), rs.getBoolean("urgent"), rs.getLong("created_run"),
						rs.getDate("created_on").toLocalDate()));
		});
		return queue;
	}

	/**
	 * Delivers held-back tasks to their CSM.
	 * @return how many were still held back and are now delivered
	 */
	public int deliver(Collection<QueuedTask> tasks, long run, LocalDate runDate) {
		int delivered = 0;
		Map<LocalDate, List<Long>> byDayRaised = new TreeMap<>();
		tasks.forEach(
				(task) -> byDayRaised.computeIfAbsent(task.createdOn(), (day) -> new ArrayList<>()).add(task.id()));
		for (Map.Entry<LocalDate, List<Long>> day : byDayRaised.entrySet()) {
			List<Long> ids = day.getValue();
			for (int from = 0; from < ids.size(); from += 1000) {
				delivered += this.jdbc.update(DELIVER,
						new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
							.addValue("run", run)
							.addValue("runDate", runDate)
							.addValue("waited", ChronoUnit.DAYS.between(day.getKey(), runDate))
							.addValue("now", LocalDateTime.now(this.clock)));
			}
		}
		return delivered;
	}

	/**
	 * Hands the active tasks of accounts that changed CSM to their new CSM, unless CS ops
	 * handed them to someone ({@link TaskHolder}): a task the rules raise again follows
	 * when it is refreshed, this catches the ones they do not raise that night (snoozed,
	 * or waiting to be closed), before budgets and mails count them.
	 * @return how many tasks changed holder
	 */
	public int followAccountCsms() {
		String accountCsm = "(SELECT a.csm_id FROM accounts a WHERE a.id = tasks.account_id)";
		return this.jdbc.getJdbcOperations()
			.update("UPDATE tasks SET owner_csm_id = " + accountCsm
					+ " WHERE assigned_csm_id IS NULL AND status IN ('OPEN', 'SNOOZED', 'QUEUED')"
					+ " AND COALESCE(owner_csm_id, -1) <> COALESCE(" + accountCsm + ", -1)");
	}

	/**
	 * Delivers the held-back tasks of accounts without a CSM: there is no budget to keep.
	 */
	public int deliverUnowned(long run, LocalDate runDate) {
		return this.jdbc.update("""
				UPDATE tasks SET status = 'OPEN', delivered_run = :run, delivered_on = :runDate, changed_run = :run,
				  updated_at = :now
				WHERE status = 'QUEUED' AND owner_csm_id IS NULL
				""", new MapSqlParameterSource("run", run).addValue("runDate", runDate)
			.addValue("now", LocalDateTime.now(this.clock)));
	}

	/**
	 * What one CSM holds and what a run did for them.
	 *
	 * @param deliveredToday tasks delivered to them on the run's business date, by any
	 * run
	 * @param openNow tasks delivered and still open or snoozed
	 * @param queued tasks held back
	 * @param raised tasks the run created for them
	 * @param closedWhileHeld tasks held back that the run closed: their condition cleared
	 * @param changed tasks they already had that the run changed materially or closed
	 */
	public record CsmLoad(int deliveredToday, int openNow, int queued, int raised, int closedWhileHeld, int changed) {

	}

	/**
	 * A task held back, in its CSM's order.
	 *
	 * @param createdRun the run that raised it
	 */
	public record QueuedTask(long id, boolean urgent, long createdRun, LocalDate createdOn) {

	}

}
