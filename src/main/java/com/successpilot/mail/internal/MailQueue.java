package com.successpilot.mail.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues what a run owes each CSM, in the transaction that decided it: a digest (or, on
 * the first night, a welcome digest) per CSM and run, and an urgent mail per task. Keys
 * are unique per CSM and run or per task, so a restarted step or a re-run never queues a
 * mail twice.
 */
@Component
public class MailQueue {

	public static final String DIGEST = "DIGEST";

	public static final String WELCOME = "WELCOME";

	public static final String URGENT = "URGENT";

	private final NamedParameterJdbcTemplate jdbc;

	private final MailOutbox outbox;

	MailQueue(NamedParameterJdbcTemplate jdbc, MailOutbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/**
	 * @param digests the CSMs owed a digest
	 * @param urgentTasks the tasks owed an urgent mail, by CSM
	 */
	public void queue(long run, LocalDate runDate, boolean welcome, List<Long> digests,
			Map<Long, List<Long>> urgentTasks) {
		List<MailOutbox.QueuedMail> mails = new ArrayList<>();
		urgentTasks.forEach((csm, tasks) -> tasks
			.forEach((task) -> mails.add(new MailOutbox.QueuedMail("urgent:" + task, URGENT, csm, task))));
		digests.forEach((csm) -> mails
			.add(new MailOutbox.QueuedMail("digest:" + csm + ":" + run, welcome ? WELCOME : DIGEST, csm, null)));
		this.outbox.queue(mails, run, runDate);
	}

	/**
	 * Queues a composed mail to an operator, once per key.
	 * @return false when the key was queued before
	 */
	public boolean queueForOps(String key, long run, LocalDate runDate, String recipient, String subject, String text,
			String html, String messageId) {
		return this.outbox.queueComposed(key, run, runDate,
				new ComposedMail(recipient, null, subject, text, html, 0, messageId));
	}

	/**
	 * Holds what a run composed and has not sent, until it is released or discarded.
	 * @return the mails held
	 */
	public int hold(long run) {
		return this.outbox.hold(run);
	}

	/**
	 * Makes a held run's mails due now.
	 * @return the mails released
	 */
	public int release(long run) {
		return this.outbox.release(run);
	}

	/**
	 * A held run's mails are never sent.
	 * @return the mails discarded
	 */
	public int discard(long run, String reason) {
		return this.outbox.discard(run, reason);
	}

	/**
	 * How many urgent mails each CSM was owed on a business date, by all runs of that
	 * date.
	 */
	public Map<Long, Integer> urgentMailsOn(LocalDate runDate) {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.query("""
				SELECT csm_id, COUNT(*) AS mails FROM mail_outbox WHERE kind = 'URGENT' AND run_date = :runDate
				GROUP BY csm_id
				""", new MapSqlParameterSource("runDate", runDate), (rs) -> {
			counts.put(rs.getLong("csm_id"), rs.getInt("mails"));
		});
		return counts;
	}

}
