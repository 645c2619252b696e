package com.successpilot.metrics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Computes {@code account_facts} for a run date in one set-based statement. The facts
 * describe the account at the end of the day before the run date: the nightly run starts
 * early on the run date, when that day's usage is still coming in, so windows are whole
 * days before it ("last 7 days" is run date − 7 … run date − 1, "the 30 before" run date
 * − 60 … run date − 31), a ticket counts as open if it was open at midnight, and nothing
 * of the run date itself (usage, tickets, ratings, NPS answers) counts before the next
 * night. A re-run later the same day therefore computes the same facts. The latest NPS
 * answer and the latest escalated ticket of the escalation window are kept by id, so
 * rules can name them as the occurrence of a task. Computing the same date again replaces
 * it.
 */
@Repository
public class AccountFactsRepository {

	private static final String COMPUTE = """
			INSERT INTO account_facts (run_date, account_id,
			  active_users_sum_7d, active_users_sum_30d, active_users_sum_prev30, active_users_sum_90d,
			  logins_7d, logins_30d, logins_prev30, logins_90d, key_events_30d,
			  peak_active_users_30d, value_milestones_30d, value_milestones_since_start, usage_days_prev30,
			  last_login_date, last_value_milestone_date,
			  licensed_seats, arr, currency, renewal_date, auto_renew,
			  open_tickets, escalated_open_tickets, tickets_opened_30d, escalations_30d, avg_csat_90d,
			  latest_nps, latest_nps_role, previous_nps, latest_nps_response_id, latest_nps_answered_on,
			  latest_escalation_ticket_id, latest_escalation_opened_on)
			SELECT :runDate, a.id,
			  COALESCE(u.au7, 0), COALESCE(u.au30, 0), COALESCE(u.au_prev30, 0), COALESCE(u.au90, 0),
			  COALESCE(u.lg7, 0), COALESCE(u.lg30, 0), COALESCE(u.lg_prev30, 0), COALESCE(u.lg90, 0), COALESCE(u.ke30, 0),
			  COALESCE(u.peak30, 0), COALESCE(u.vm30, 0), COALESCE(u.vm_since_start, 0), COALESCE(u.days_prev30, 0),
			  u.last_login, u.last_milestone,
			  COALESCE(c.seats, 0), c.arr, c.currency, c.renewal_date, COALESCE(c.auto_renew, 0) = 1,
			  COALESCE(t.open_tickets, 0), COALESCE(t.escalated_open, 0), COALESCE(t.opened30, 0), COALESCE(t.escalated30, 0),
			  t.csat90,
			  n.latest, n.latest_role, n.previous, n.latest_id, n.latest_on,
			  e.external_id, e.opened_on
			FROM accounts a
			LEFT JOIN (
			  SELECT du.account_id,
			    SUM(CASE WHEN du.usage_date >= :from7 THEN du.active_users ELSE 0 END) AS au7,
			    SUM(CASE WHEN du.usage_date >= :from30 THEN du.active_users ELSE 0 END) AS au30,
			    SUM(CASE WHEN du.usage_date >= :from60 AND du.usage_date < :from30 THEN du.active_users ELSE 0 END) AS au_prev30,
			    SUM(CASE WHEN du.usage_date >= :from90 THEN du.active_users ELSE 0 END) AS au90,
			    SUM(CASE WHEN du.usage_date >= :from7 THEN du.logins ELSE 0 END) AS lg7,
			    SUM(CASE WHEN du.usage_date >= :from30 THEN du.logins ELSE 0 END) AS lg30,
			    SUM(CASE WHEN du.usage_date >= :from60 AND du.usage_date < :from30 THEN du.logins ELSE 0 END) AS lg_prev30,
			    SUM(CASE WHEN du.usage_date >= :from90 THEN du.logins ELSE 0 END) AS lg90,
			    SUM(CASE WHEN du.usage_date >= :from30 THEN du.key_events ELSE 0 END) AS ke30,
			    MAX(CASE WHEN du.usage_date >= :from30 THEN du.active_users ELSE 0 END) AS peak30,
			    SUM(CASE WHEN du.usage_date >= :from30 THEN du.value_milestones ELSE 0 END) AS vm30,
			    SUM(CASE WHEN du.usage_date >= ac.start_date THEN du.value_milestones ELSE 0 END) AS vm_since_start,
			    SUM(CASE WHEN du.usage_date >= :from60 AND du.usage_date < :from30 THEN 1 ELSE 0 END) AS days_prev30,
			    MAX(CASE WHEN du.logins > 0 THEN du.usage_date END) AS last_login,
			    MAX(CASE WHEN du.value_milestones > 0 THEN du.usage_date END) AS last_milestone
			  FROM daily_usage du JOIN accounts ac ON ac.id = du.account_id
			  WHERE du.usage_date < :runDate AND du.account_id BETWEEN :fromAccount AND :toAccount
			  GROUP BY du.account_id
			) u ON u.account_id = a.id
			LEFT JOIN (
			  SELECT account_id, SUM(arr) AS arr, MAX(currency) AS currency, SUM(licensed_seats) AS seats,
			    MIN(end_date) AS renewal_date, MAX(CASE WHEN auto_renew = TRUE THEN 1 ELSE 0 END) AS auto_renew
			  FROM contracts
			  WHERE status = 'active' AND start_date <= :runDate AND end_date >= :runDate
			    AND account_id BETWEEN :fromAccount AND :toAccount
			  GROUP BY account_id
			) c ON c.account_id = a.id
			LEFT JOIN (
			  SELECT account_id,
			    SUM(CASE WHEN closed_at IS NULL OR closed_at >= :runAt THEN 1 ELSE 0 END) AS open_tickets,
			    SUM(CASE WHEN (closed_at IS NULL OR closed_at >= :runAt) AND escalated = TRUE THEN 1 ELSE 0 END)
			      AS escalated_open,
			    SUM(CASE WHEN opened_at >= :from30At THEN 1 ELSE 0 END) AS opened30,
			    SUM(CASE WHEN opened_at >= :from30At AND escalated = TRUE THEN 1 ELSE 0 END) AS escalated30,
			    AVG(CASE WHEN closed_at >= :from90At AND closed_at < :runAt THEN csat END) AS csat90
			  FROM support_tickets
			  WHERE opened_at < :runAt AND account_id BETWEEN :fromAccount AND :toAccount
			  GROUP BY account_id
			) t ON t.account_id = a.id
			LEFT JOIN (
			  SELECT account_id,
			    MAX(CASE WHEN position = 1 THEN score END) AS latest,
			    MAX(CASE WHEN position = 1 THEN respondent_role END) AS latest_role,
			    MAX(CASE WHEN position = 2 THEN score END) AS previous,
			    MAX(CASE WHEN position = 1 THEN external_id END) AS latest_id,
			    MAX(CASE WHEN position = 1 THEN responded_on END) AS latest_on
			  FROM (
			    SELECT account_id, score, respondent_role, external_id, responded_on,
			      ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY responded_on DESC, id DESC) AS position
			    FROM nps_responses
			    WHERE responded_on < :runDate AND account_id BETWEEN :fromAccount AND :toAccount
			  ) ranked
			  WHERE position <= 2
			  GROUP BY account_id
			) n ON n.account_id = a.id
			LEFT JOIN (
			  SELECT account_id, external_id, CAST(opened_at AS DATE) AS opened_on
			  FROM (
			    SELECT account_id, external_id, opened_at,
			      ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY opened_at DESC, id DESC) AS position
			    FROM support_tickets
			    WHERE escalated = TRUE AND opened_at >= :from30At AND opened_at < :runAt
			      AND account_id BETWEEN :fromAccount AND :toAccount
			  ) ranked_escalations
			  WHERE position = 1
			) e ON e.account_id = a.id
			WHERE a.id BETWEEN :fromAccount AND :toAccount
			""";

	private final NamedParameterJdbcTemplate jdbc;

	AccountFactsRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Computes the facts of the accounts in a range of ids for a run date, replacing
	 * earlier ones. Ranges can be computed side by side.
	 * @return the number of accounts
	 */
	public int compute(LocalDate runDate, long fromAccount, long toAccount) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("runDate", runDate)
			.addValue("fromAccount", fromAccount)
			.addValue("toAccount", toAccount)
			.addValue("from7", runDate.minusDays(7))
			.addValue("from30", runDate.minusDays(30))
			.addValue("from60", runDate.minusDays(60))
			.addValue("from90", runDate.minusDays(90))
			.addValue("runAt", Timestamp.valueOf(runDate.atStartOfDay()))
			.addValue("from30At", Timestamp.valueOf(runDate.minusDays(30).atStartOfDay()))
			.addValue("from90At", Timestamp.valueOf(runDate.minusDays(90).atStartOfDay()));
		this.jdbc.update(
				"DELETE FROM account_facts WHERE run_date = :runDate AND account_id BETWEEN :fromAccount AND :toAccount",
				parameters);
		return this.jdbc.update(COMPUTE, parameters);
	}

	/**
	 * Deletes the facts of the nights before {@code keepFrom}, once per night after the
	 * ranges are computed: a delete by date range scans the key (run date first) across
	 * every account, so done in each range's transaction it locked the other ranges' rows
	 * and deadlocked them on MariaDB. Looks first (a plain read, no lock) and deletes
	 * only when there is something to delete, most nights nothing.
	 * @return how many rows were deleted
	 */
	public int pruneBefore(LocalDate keepFrom) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("keepFrom", keepFrom);
		if (this.jdbc
			.queryForList("SELECT run_date FROM account_facts WHERE run_date < :keepFrom LIMIT 1", parameters,
					java.sql.Date.class)
			.isEmpty()) {
			return 0;
		}
		return this.jdbc.update("DELETE FROM account_facts WHERE run_date < :keepFrom", parameters);
	}

	/**
	 * Splits the accounts into {@code parts} ranges of ids of about equal size.
	 * @return [from, to] pairs, empty when there are no accounts
	 */
	public java.util.List<long[]> accountRanges(int parts) {
		Long accounts = this.jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM accounts", Long.class);
		if (accounts == null || accounts == 0) {
			return java.util.List.of();
		}
		long size = Math.max(1, (accounts + parts - 1) / parts);
		java.util.List<long[]> ranges = new java.util.ArrayList<>();
		long from = Long.MIN_VALUE;
		for (long offset = size; offset < accounts; offset += size) {
			long boundary = this.jdbc.getJdbcTemplate()
				.queryForObject("SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET " + offset, Long.class);
			ranges.add(new long[] { from, boundary - 1 });
			from = boundary;
		}
		ranges.add(new long[] { from, Long.MAX_VALUE });
		return ranges;
	}

}
