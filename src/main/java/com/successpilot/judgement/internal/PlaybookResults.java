package com.successpilot.judgement.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The result review of the playbooks: per playbook and the rules version that raised the
 * tasks, over the tasks raised since a day — raised, delivered (reached the CSM: not held
 * back), done, dismissed with the reasons, recovered and the median time to done.
 * <p>
 * Recovered is what the stored data can show: a task marked done whose account got no
 * task of the same playbook again within N days after it was done. It is known only once
 * those N days have passed (until then the task is "too early"), and only for playbooks
 * that may raise again for the same account (a playbook whose deduplication period is
 * {@code none} never does, so its recovery cannot be seen). Rule firings are counted per
 * run, not per account, so they cannot say whether one account's condition cleared.
 */
@Component
class PlaybookResults {

	// each task raised since the day, a done one judged: raised again within N days
	// after it was done, recovered (N days have passed without), or too early to tell.
	// Grouped by that judgement too, so that it is worked out once per task (a database
	// may copy an expression into each SUM that names it).
	private static final String COUNTS = """
			SELECT playbook, created_rules_version, recovery, COUNT(*) AS raised,
			  SUM(CASE WHEN delivered_run IS NOT NULL AND delivered_run <> 0 THEN 1 ELSE 0 END) AS delivered,
			  SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END) AS done,
			  SUM(CASE WHEN status = 'DISMISSED' THEN 1 ELSE 0 END) AS dismissed,
			  SUM(CASE WHEN status = 'AUTO_CLOSED' THEN 1 ELSE 0 END) AS auto_closed
			FROM (
			  SELECT t.playbook, t.created_rules_version, t.status, t.delivered_run,
			    CASE WHEN t.status <> 'DONE' OR t.closed_at IS NULL THEN 'NOT_DONE'
			      WHEN EXISTS (SELECT 1 FROM tasks r
			        WHERE r.account_id = t.account_id AND r.playbook = t.playbook
			          AND r.created_at > t.closed_at AND r.created_at <= TIMESTAMPADD(DAY, :days, t.closed_at)) THEN 'AGAIN'
			      WHEN t.closed_at <= :judgedUntil THEN 'RECOVERED'
			      ELSE 'TOO_EARLY' END AS recovery
			  FROM tasks t WHERE t.created_on >= :since
			) judged
			GROUP BY playbook, created_rules_version, recovery
			""";

	private static final String REASONS = """
			SELECT playbook, created_rules_version, close_reason, COUNT(*) AS tasks
			FROM tasks WHERE created_on >= :since AND status = 'DISMISSED'
			GROUP BY playbook, created_rules_version, close_reason
			ORDER BY COUNT(*) DESC, close_reason
			""";

	// the median minutes from raised to done: the middle one of the done tasks, or the
	// two in the middle (their sum and count)
	private static final String MEDIAN_TO_DONE = """
			SELECT playbook, created_rules_version, SUM(minutes) AS minutes, COUNT(*) AS middle
			FROM (
			  SELECT playbook, created_rules_version, minutes,
			    ROW_NUMBER() OVER (PARTITION BY playbook, created_rules_version ORDER BY minutes) AS position,
			    COUNT(*) OVER (PARTITION BY playbook, created_rules_version) AS done
			  FROM (
			    SELECT playbook, created_rules_version,
			      FLOOR(TIMESTAMPDIFF(MICROSECOND, created_at, closed_at) / 60000000) AS minutes
			    FROM tasks WHERE created_on >= :since AND status = 'DONE' AND closed_at IS NOT NULL
			  ) done_tasks
			) ranked
			WHERE position IN (FLOOR((done + 1) / 2), FLOOR((done + 2) / 2))
			GROUP BY playbook, created_rules_version
			""";

	private final NamedParameterJdbcTemplate jdbc;

	PlaybookResults(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The results of the tasks raised on or after {@code since}, the weakest recovery
	 * rate first (rows with no rate yet last). Counted by the database, a few rows per
	 * playbook whatever the number of tasks.
	 * @param recoveryDays N: the days after done without the playbook raised again
	 * @param now the present, to tell which done tasks are too early to judge
	 * @param neverAgain the playbooks that never raise twice for an account: no recovery
	 * rate
	 */
	List<Result> since(LocalDate since, int recoveryDays, LocalDateTime now, Set<String> neverAgain) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("since", since).addValue("days", recoveryDays)
			.addValue("judgedUntil", Timestamp.valueOf(now.minusDays(recoveryDays)));
		Map<String, Builder> rows = new LinkedHashMap<>();
		this.jdbc.query(COUNTS, parameters, (rs) -> {
			Builder row = row(rows, rs.getString("playbook"), rs.getString("created_rules_version"));
			long tasks = rs.getLong("raised");
			row.raised += tasks;
			row.delivered += rs.getLong("delivered");
			row.done += rs.getLong("done");
			row.dismissed += rs.getLong("dismissed");
			row.autoClosed += rs.getLong("auto_closed");
			switch (rs.getString("recovery")) {
				case "RECOVERED" -> row.recovered = tasks;
				case "AGAIN" -> row.raisedAgain = tasks;
				case "TOO_EARLY" -> row.tooEarly = tasks;
				default -> {
					// not done: no recovery to judge
				}
			}
		});
		this.jdbc.query(REASONS, parameters, (rs) -> {
			row(rows, rs.getString("playbook"), rs.getString("created_rules_version")).reasons
				.add(new Reason(rs.getString("close_reason"), rs.getLong("tasks")));
		});
		this.jdbc.query(MEDIAN_TO_DONE, parameters, (rs) -> {
			double minutes = rs.getDouble("minutes") / rs.getLong("middle");
			row(rows, rs.getString("playbook"), rs.getString("created_rules_version")).medianDaysToDone = Math
				.round(minutes / 60.0 / 24.0 * 10) / 10.0;
		});
		return rows.values()
			.stream()
			.map((row) -> row.build(!neverAgain.contains(row.playbook)))
			.sorted(Comparator.comparing(Result::recoveryRate, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Result::playbook)
				.thenComparing(Result::rulesVersion))
			.toList();
	}

	private static Builder row(Map<String, Builder> rows, String playbook, String version) {
		return rows.computeIfAbsent(playbook + "\n" + version, (key) -> new Builder(playbook, version));
	}

	private static final class Builder {

		final String playbook;

		final String version;

		long raised;

		long delivered;

		long done;

		long dismissed;

		long autoClosed;

		long recovered;

		long raisedAgain;

		long tooEarly;

		Double medianDaysToDone;

		final List<Reason> reasons = new ArrayList<>();

		Builder(String playbook, String version) {
			this.playbook = playbook;
			this.version = version;
		}

		Result build(boolean recoveryVisible) {
			long judged = this.recovered + this.raisedAgain;
			Double rate = (judged > 0 && recoveryVisible) ? Math.round(this.recovered * 1000.0 / judged) / 10.0 : null;
			return new Result(this.playbook, this.version, this.raised, this.delivered, this.done, this.dismissed,
					this.autoClosed, this.recovered, this.raisedAgain, this.tooEarly, rate, this.medianDaysToDone,
					List.copyOf(this.reasons));
		}

	}

	/**
	 * One playbook's results for the tasks one rules version raised.
	 *
	 * @param delivered tasks that reached the CSM (not held back by the attention budget)
	 * @param recovered done, and no task of the playbook for the account within N days
	 * after
	 * @param raisedAgain done, but the playbook raised a task for the account again
	 * within N days
	 * @param tooEarly done less than N days ago: not judged yet
	 * @param recoveryRate recovered of the done tasks judged, in percent; null when none
	 * is judged yet
	 * @param medianDaysToDone from raised to done, the median, in days
	 * @param reasons the dismissal reasons, most frequent first
	 */
	record Result(String playbook, String rulesVersion, long raised, long delivered, long done, long dismissed,
			long autoClosed, long recovered, long raisedAgain, long tooEarly, Double recoveryRate,
			Double medianDaysToDone, List<Reason> reasons) {

	}

	/**
	 * A reason given for dismissing tasks, and how many.
	 */
	record Reason(String reason, long tasks) {

	}

}
