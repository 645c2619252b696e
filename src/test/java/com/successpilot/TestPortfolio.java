package com.successpilot;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small portfolio written straight into the tables — accounts, contracts, health
 * scores, facts and tasks exactly as the nightly run would have left them — for API tests
 * that need known rows rather than a run, dated from the test's clock. Create the CSMs
 * with {@link TestUsers#csm}.
 */
public final class TestPortfolio {

	/** The evidence the rules record with a task, as stored. */
	public static final String EVIDENCE = "{\"rule\":\"Onboarding without first value\","
			+ "\"facts\":{\"daysSinceStart\":60},\"thresholds\":{\"first_value_days\":30}}";

	private static final AtomicInteger keys = new AtomicInteger();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/**
	 * @param clock today and now for the rows: the context's {@link MutableClock}
	 */
	public TestPortfolio(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * An account in adoption, started a year before today.
	 * @param csmId its CSM, or {@code null} for none
	 */
	public long account(String externalId, String name, String segment, Long csmId) {
		this.jdbc.update(
				"""
						INSERT INTO accounts (external_id, name, segment, industry, csm_id, lifecycle_stage, start_date, go_live_date)
						VALUES (?, ?, ?, 'retail', ?, 'adoption', ?, ?)
						""",
				externalId, name, segment, csmId, today().minusYears(1), today().minusYears(1).plusDays(30));
		return this.jdbc.queryForObject("SELECT id FROM accounts WHERE external_id = ?", Long.class, externalId);
	}

	/**
	 * An active contract of 20 seats in USD.
	 */
	public void contract(long accountId, LocalDate start, LocalDate end, String arr) {
		contract(accountId, start, end, arr, "active");
	}

	public void contract(long accountId, LocalDate start, LocalDate end, String arr, String status) {
		this.jdbc.update("""
				INSERT INTO contracts (external_id, account_id, product, start_date, end_date, arr, currency,
				  licensed_seats, auto_renew, status)
				VALUES (?, ?, 'Platform', ?, ?, ?, 'USD', 20, TRUE, ?)
				""", "C-" + keys.incrementAndGet(), accountId, start, end, new BigDecimal(arr), status);
	}

	public void health(long accountId, LocalDate runDate, double overall, String grade, String drag) {
		this.jdbc.update("""
				INSERT INTO health_scores (account_id, run_date, outcome_score, experience_score, overall_score, grade,
				  drag, rules_version, run_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'abcdef123456', 1)
				""", accountId, runDate, overall - 5, overall + 5, overall, grade, drag);
	}

	/**
	 * The facts of a run date: 12 of 20 seats at peak, 8 average daily users over 30
	 * days, two open tickets, latest NPS 9 after 7.
	 */
	public void facts(long accountId, LocalDate runDate, LocalDate renewalDate) {
		this.jdbc.update("""
				INSERT INTO account_facts (run_date, account_id, active_users_sum_7d, active_users_sum_30d,
				  active_users_sum_prev30, active_users_sum_90d, logins_7d, logins_30d, logins_prev30, logins_90d,
				  key_events_30d, peak_active_users_30d, value_milestones_30d, value_milestones_since_start,
				  usage_days_prev30, licensed_seats, open_tickets, escalated_open_tickets, tickets_opened_30d,
				  escalations_30d, last_login_date, last_value_milestone_date, arr, currency, renewal_date, auto_renew,
				  avg_csat_90d, latest_nps, latest_nps_role, previous_nps)
				VALUES (?, ?, 56, 240, 200, 720, 70, 300, 250, 900, 1200, 12, 2, 9, 30, 20, 2, 0, 3, 0, ?, ?,
				  24000.00, 'USD', ?, TRUE, 4.5, 9, 'decision maker', 7)
				""", runDate, accountId, runDate.minusDays(1), runDate.minusDays(10), renewalDate);
	}

	/**
	 * A task as the rules raise it; an open or snoozed one holds its deduplication key.
	 * @return its id
	 */
	public long task(long accountId, Long ownerCsmId, String playbook, String type, String priority, LocalDate due,
			String status) {
		String key = playbook + "|" + accountId + "|" + keys.incrementAndGet();
		boolean active = status.equals("OPEN") || status.equals("SNOOZED");
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
		this.jdbc.update(
				"""
						INSERT INTO tasks (dedup_key, active_key, account_id, owner_csm_id, playbook, task_type, priority, title,
						  description, due_date, status, snoozed_until, urgent, auto_close, rule_name, why, evidence, rules_version,
						  created_rules_version, created_run, created_on, created_at, last_seen_run, last_seen_on, changed_run, updated_at, closed_at,
						  closed_by, close_reason, delivered_run, delivered_on)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Call the sponsor', ?, ?, ?, FALSE, TRUE, 'Onboarding without first value',
						  'No first value after 60 days (we expect 30).', ?, 'abcdef123456', 'fedcba654321', 7, ?, ?, 8, ?, 8, ?, ?, ?, ?, 0, ?)
						""",
				key, active ? key : null, accountId, ownerCsmId, playbook, type, priority, "Rescue " + playbook, due,
				status, status.equals("SNOOZED") ? today().plusDays(5) : null, EVIDENCE, today().minusDays(3), now,
				today(), now, active ? null : now, active ? null : "rules", active ? null : "Cleared",
				today().minusDays(3));
		return this.jdbc.queryForObject("SELECT id FROM tasks WHERE dedup_key = ?", Long.class, key);
	}

	/**
	 * An open high-priority risk task due in three days.
	 */
	public long openTask(long accountId, Long ownerCsmId) {
		return task(accountId, ownerCsmId, "usage-decline-rescue", "risk", "high", today().plusDays(3), "OPEN");
	}

	/**
	 * A medium-priority renewal task snoozed for five days.
	 */
	public long snoozedTask(long accountId, Long ownerCsmId) {
		return task(accountId, ownerCsmId, "renewal-check", "renewal", "medium", today().plusDays(10), "SNOOZED");
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
