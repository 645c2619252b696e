package com.successpilot.attention.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The {@code attention_ledger} table: per run and CSM, what the attention step did.
 * Written in the step's transaction, one row per run and CSM (a restarted step writes the
 * same rows again).
 */
@Repository
public class AttentionLedger {

	private final NamedParameterJdbcTemplate jdbc;

	AttentionLedger(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the attention step ran for an earlier business date: if not, this is the
	 * portfolio's first night (even when that earlier night raised nothing).
	 */
	boolean anyNightBefore(LocalDate runDate) {
		return !this.jdbc
			.queryForList("SELECT run_date FROM attention_nights WHERE run_date < :runDate LIMIT 1",
					new MapSqlParameterSource("runDate", runDate), java.sql.Date.class)
			.isEmpty();
	}

	void record(long run, LocalDate runDate, boolean firstNight, List<Entry> entries) {
		this.jdbc.update("""
				INSERT INTO attention_nights (run_date, first_run_id, first_night) VALUES (:runDate, :run, :firstNight)
				ON DUPLICATE KEY UPDATE run_date = run_date
				""",
				new MapSqlParameterSource("runDate", runDate).addValue("run", run).addValue("firstNight", firstNight));
		if (entries.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO attention_ledger (run_id, csm_id, run_date, first_night, raised, delivered, released,
				  held_back, closed_while_held, urgent_mails, urgent_held, new_task_budget, urgent_mail_budget)
				VALUES (:run, :csm, :runDate, :firstNight, :raised, :delivered, :released, :heldBack, :closedWhileHeld,
				  :urgentMails, :urgentHeld, :newTaskBudget, :urgentMailBudget)
				ON DUPLICATE KEY UPDATE raised = VALUES(raised), delivered = VALUES(delivered),
				  released = VALUES(released), held_back = VALUES(held_back),
				  closed_while_held = VALUES(closed_while_held), urgent_mails = VALUES(urgent_mails),
				  urgent_held = VALUES(urgent_held), first_night = VALUES(first_night)
				""",
				entries.stream()
					.map((entry) -> new MapSqlParameterSource("run", run).addValue("csm", entry.csm())
						.addValue("runDate", runDate)
						.addValue("firstNight", firstNight)
						.addValue("raised", entry.raised())
						.addValue("delivered", entry.delivered())
						.addValue("released", entry.released())
						.addValue("heldBack", entry.heldBack())
						.addValue("closedWhileHeld", entry.closedWhileHeld())
						.addValue("urgentMails", entry.urgentMails())
						.addValue("urgentHeld", entry.urgentHeld())
						.addValue("newTaskBudget", entry.newTaskBudget())
						.addValue("urgentMailBudget", entry.urgentMailBudget()))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * The ledger of a run, by CSM e-mail address, in address order.
	 */
	public List<Row> of(long run) {
		return this.jdbc.query("""
				SELECT c.email, c.name, l.* FROM attention_ledger l JOIN csms c ON c.id = l.csm_id
				WHERE l.run_id = :run ORDER BY c.email
				""", new MapSqlParameterSource("run", run),
				(rs, row) -> new Row(rs.getString("email"), rs.getString("name"), rs.getBoolean("first_night"),
						rs.getInt("raised"), rs.getInt("delivered"), rs.getInt("released"), rs.getInt("held_back"),
						rs.getInt("closed_while_held"), rs.getInt("urgent_mails"), rs.getInt("urgent_held"),
						rs.getInt("new_task_budget"), rs.getInt("urgent_mail_budget")));
	}

	/**
	 * Every CSM's e-mail address, lower case, by database id.
	 */
	Map<Long, String> csmEmails() {
		Map<Long, String> emails = new HashMap<>();
		this.jdbc.query("SELECT id, email FROM csms", Map.of(), (rs) -> {
			emails.put(rs.getLong("id"), rs.getString("email").toLowerCase(Locale.ROOT));
		});
		return emails;
	}

	record Entry(long csm, int raised, int delivered, int released, int heldBack, int closedWhileHeld, int urgentMails,
			int urgentHeld, int newTaskBudget, int urgentMailBudget) {

	}

	/**
	 * What the attention step did for one CSM in one run.
	 *
	 * @param raised new tasks the rules raised for them
	 * @param delivered tasks that reached them (new ones and ones held back earlier)
	 * @param released of those delivered, the ones held back on an earlier night
	 * @param heldBack tasks waiting for capacity after the run
	 * @param closedWhileHeld tasks closed before they were ever sent: the condition
	 * cleared
	 * @param urgentMails urgent mails queued
	 * @param urgentHeld urgent tasks delivered in the digest only: the urgent mail budget
	 * was spent
	 */
	public record Row(String csmEmail, String csmName, boolean firstNight, int raised, int delivered, int released,
			int heldBack, int closedWhileHeld, int urgentMails, int urgentHeld, int newTaskBudget,
			int urgentMailBudget) {

	}

}
