package com.successpilot.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.system.ColumnText;
import com.successpilot.system.MultiRowStatement;

/**
 * The {@code mail_outbox} table. Every change of state is a conditional update on the
 * state it leaves, so two deliveries racing for a mail cannot both win it.
 */
@Repository
public class MailOutbox {

	/*
	 * INSERT IGNORE rather than ON DUPLICATE KEY UPDATE: chunks judged side by side queue
	 * the same digest key, and on InnoDB an upsert of a key another transaction holds
	 * takes a shared lock it must then upgrade — two such waiters deadlock each other. A
	 * skipped duplicate never upgrades. The keys are queued in order, too.
	 */
	private static final String QUEUE = """
			INSERT IGNORE INTO mail_outbox (mail_key, kind, csm_id, task_id, run_id, run_date, status, attempts,
			  next_attempt_at, created_at, updated_at)
			VALUES""";

	private static final String QUEUED_MAIL = "(?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	MailOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A mail the run owes: {@code urgent:<task>} or {@code digest:<csm>:<run>}.
	 */
	record QueuedMail(String key, String kind, long csm, Long task) {

	}

	/**
	 * Queues mails; one already queued under the same key is left as it is.
	 */
	void queue(Collection<QueuedMail> mails, long run, LocalDate runDate) {
		if (mails.isEmpty()) {
			return;
		}
		LocalDateTime now = LocalDateTime.now(this.clock).withNano(0);
		List<QueuedMail> inKeyOrder = mails.stream().sorted(Comparator.comparing(QueuedMail::key)).toList();
		new MultiRowStatement<QueuedMail>(QUEUE, QUEUED_MAIL, "", 2000, (mail) -> mail.key().length(),
				(values, mail) -> values.add(mail.key())
					.add(mail.kind())
					.add(mail.csm())
					.add(mail.task())
					.add(run)
					.add(runDate)
					.add(now)
					.add(now)
					.add(now))
			.write(this.jdbc.getJdbcOperations(), inKeyOrder);
	}

	List<Map<String, Object>> queued() {
		return this.jdbc.queryForList("""
				SELECT o.id, o.mail_key, o.kind, o.csm_id, o.task_id, o.run_id, o.run_date, c.email, c.name, c.language
				FROM mail_outbox o JOIN csms c ON c.id = o.csm_id WHERE o.status = 'QUEUED' ORDER BY o.id
				""", Map.of());
	}

	void composed(long id, ComposedMail mail) {
		this.jdbc.update("""
				UPDATE mail_outbox SET status = 'PENDING', recipient = :recipient, recipient_name = :name,
				  subject = :subject, text_body = :text, html_body = :html, task_count = :tasks,
				  message_id = :messageId, next_attempt_at = :now, updated_at = :now
				WHERE id = :id AND status = 'QUEUED'
				""",
				new MapSqlParameterSource("id", id).addValue("recipient", mail.recipient())
					.addValue("name", mail.recipientName())
					.addValue("subject", mail.subject())
					.addValue("text", mail.textBody())
					.addValue("html", mail.htmlBody())
					.addValue("tasks", mail.taskCount())
					.addValue("messageId", mail.messageId())
					.addValue("now", now()));
	}

	/**
	 * Holds the mails a run composed and has not sent: they wait (HELD) until the run is
	 * released or discarded.
	 * @return how many were held
	 */
	int hold(long run) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET status = 'HELD', updated_at = :now
				WHERE run_id = :run AND status IN ('QUEUED', 'PENDING') AND csm_id IS NOT NULL
				""", new MapSqlParameterSource("run", run).addValue("now", now()));
	}

	/**
	 * The held mails of a run become pending, due now.
	 * @return how many
	 */
	int release(long run) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = :now, updated_at = :now
				WHERE run_id = :run AND status = 'HELD'
				""", new MapSqlParameterSource("run", run).addValue("now", now()));
	}

	/**
	 * The held mails of a run are never sent.
	 * @return how many
	 */
	int discard(long run, String reason) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET status = 'DISCARDED', last_error = :reason, updated_at = :now
				WHERE run_id = :run AND status = 'HELD'
				""", new MapSqlParameterSource("run", run).addValue("reason", reason).addValue("now", now()));
	}

	/**
	 * Queues a mail to an operator, composed already; once per key.
	 * @return false when a mail with the key was queued before
	 */
	boolean queueComposed(String key, long run, java.time.LocalDate runDate, ComposedMail mail) {
		return this.jdbc.update("""
				INSERT IGNORE INTO mail_outbox (mail_key, kind, csm_id, task_id, run_id, run_date, status, recipient,
				  recipient_name, subject, text_body, html_body, task_count, message_id, attempts, next_attempt_at,
				  created_at, updated_at)
				VALUES (:key, 'OPS', NULL, NULL, :run, :runDate, 'PENDING', :recipient, :name, :subject, :text, :html,
				  0, :messageId, 0, :now, :now, :now)
				""",
				new MapSqlParameterSource("key", key).addValue("run", run)
					.addValue("runDate", runDate)
					.addValue("recipient", mail.recipient())
					.addValue("name", mail.recipientName())
					.addValue("subject", mail.subject())
					.addValue("text", mail.textBody())
					.addValue("html", mail.htmlBody())
					.addValue("messageId", mail.messageId())
					.addValue("now", now())) == 1;
	}

	void skipped(long id, String reason) {
		this.jdbc.update("""
				UPDATE mail_outbox SET status = 'SKIPPED', last_error = :reason, updated_at = :now
				WHERE id = :id AND status = 'QUEUED'
				""", new MapSqlParameterSource("id", id).addValue("reason", reason).addValue("now", now()));
	}

	/**
	 * Mails left SENDING longer than the lease were interrupted mid-delivery: they become
	 * UNKNOWN, never PENDING, because they may have gone out.
	 */
	int expireLeases(LocalDateTime claimedBefore) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET status = 'UNKNOWN', updated_at = :now,
				  last_error = 'The delivery was interrupted while sending: it may or may not have been sent'
				WHERE status = 'SENDING' AND claimed_at < :before
				""", new MapSqlParameterSource("before", Timestamp.valueOf(claimedBefore)).addValue("now", now()));
	}

	List<Long> due(LocalDateTime at, int limit) {
		return this.jdbc.queryForList(
				"SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :at ORDER BY id LIMIT :limit",
				new MapSqlParameterSource("at", Timestamp.valueOf(at)).addValue("limit", limit), Long.class);
	}

	/**
	 * Takes a pending mail for one delivery.
	 * @return {@code false} when another delivery took it first
	 */
	boolean claim(long id, String token, LocalDateTime at) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET status = 'SENDING', claim_token = :token, claimed_at = :at,
				  attempts = attempts + 1, updated_at = :at
				WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :at
				""", new MapSqlParameterSource("id", id).addValue("token", token)
			.addValue("at", Timestamp.valueOf(at))) == 1;
	}

	Map<String, Object> claimed(long id) {
		return this.jdbc.queryForMap("SELECT * FROM mail_outbox WHERE id = :id", Map.of("id", id));
	}

	/**
	 * Records a mail as sent; also from UNKNOWN, should a slow send outlive its lease.
	 */
	void sent(long id, String token, String deliveredTo) {
		this.jdbc.update("""
				UPDATE mail_outbox SET status = 'SENT', sent_at = :now, delivered_to = :to, last_error = NULL,
				  updated_at = :now
				WHERE id = :id AND claim_token = :token AND status IN ('SENDING', 'UNKNOWN')
				""",
				new MapSqlParameterSource("id", id).addValue("token", token)
					.addValue("to", ColumnText.fit(deliveredTo, 1000))
					.addValue("now", now()));
	}

	void retryLater(long id, String token, LocalDateTime next, String error) {
		this.jdbc.update("""
				UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = :next, last_error = :error,
				  claim_token = NULL, updated_at = :now
				WHERE id = :id AND claim_token = :token AND status = 'SENDING'
				""",
				new MapSqlParameterSource("id", id).addValue("token", token)
					.addValue("next", Timestamp.valueOf(next))
					.addValue("error", ColumnText.fit(error, 2000))
					.addValue("now", now()));
	}

	/**
	 * An operator's decision, once the mail server is back: the pending mails waiting for
	 * their next attempt become due now instead of when their backoff ends.
	 * @return how many were waiting
	 */
	public int dueNow() {
		return this.jdbc.update("""
				UPDATE mail_outbox SET next_attempt_at = :now, updated_at = :now
				WHERE status = 'PENDING' AND next_attempt_at > :now
				""", new MapSqlParameterSource("now", now()));
	}

	/**
	 * An operator's decision: send an UNKNOWN or FAILED mail (again), with the same
	 * Message-ID.
	 * @return {@code false} when there is no such mail in either state
	 */
	public boolean resend(long id) {
		return this.jdbc.update("""
				UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = :now, claim_token = NULL,
				  last_error = CONCAT('Resent by an operator; before: ', COALESCE(last_error, '')), updated_at = :now
				WHERE id = :id AND status IN ('UNKNOWN', 'FAILED')
				""", new MapSqlParameterSource("id", id).addValue("now", now())) == 1;
	}

	void failed(long id, String token, String error) {
		this.jdbc.update("""
				UPDATE mail_outbox SET status = 'FAILED', last_error = :error, updated_at = :now
				WHERE id = :id AND claim_token = :token AND status = 'SENDING'
				""",
				new MapSqlParameterSource("id", id).addValue("token", token)
					.addValue("error", ColumnText.fit(error, 2000))
					.addValue("now", now()));
	}

	/**
	 * How many mails are in each of the given states; states without mails are absent.
	 */
	Map<OutboxStatus, Long> countByStatus(Collection<OutboxStatus> statuses) {
		Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
		this.jdbc.query("SELECT status, COUNT(*) AS mails FROM mail_outbox WHERE status IN (:statuses) GROUP BY status",
				new MapSqlParameterSource("statuses", statuses.stream().map(OutboxStatus::name).toList()), (row) -> {
					counts.put(OutboxStatus.valueOf(row.getString("status")), row.getLong("mails"));
				});
		return counts;
	}

	/**
	 * Whole seconds: MySQL rounds and MariaDB truncates fractions in a datetime column,
	 * and a due time rounded up past the clock would delay a mail by a delivery.
	 */
	private Timestamp now() {
		return Timestamp.valueOf(LocalDateTime.now(this.clock).withNano(0));
	}

}
