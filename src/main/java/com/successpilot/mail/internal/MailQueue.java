package com.successpilot.mail.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.task.TaskChangeListener;

/**
 * Queues, in the transaction that recorded the tasks, what the run owes each CSM: a
 * digest per CSM with tasks created or changed by the run (open, or just auto-closed),
 * and an urgent mail per task of an urgent playbook the run created. Keys are unique per
 * CSM and run or per task, so a restarted chunk or a re-run never queues a mail twice.
 */
@Component
class MailQueue implements TaskChangeListener {

	static final String DIGEST = "DIGEST";

	static final String URGENT = "URGENT";

	private final NamedParameterJdbcTemplate jdbc;

	private final MailOutbox outbox;

	MailQueue(NamedParameterJdbcTemplate jdbc, MailOutbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	@Override
	public void tasksRecorded(long run, LocalDate runDate, Collection<Long> accountKeys) {
		if (accountKeys.isEmpty()) {
			return;
		}
		List<Map<String, Object>> changed = this.jdbc.queryForList("""
				SELECT id, owner_csm_id, urgent, created_run, status FROM tasks
				WHERE account_id IN (:accounts) AND changed_run = :run AND owner_csm_id IS NOT NULL
				  AND status IN ('OPEN', 'AUTO_CLOSED')
				ORDER BY id
				""", new MapSqlParameterSource("accounts", accountKeys).addValue("run", run));
		Set<Long> csms = new LinkedHashSet<>();
		List<MailOutbox.QueuedMail> mails = new ArrayList<>();
		for (Map<String, Object> task : changed) {
			long csm = ((Number) task.get("owner_csm_id")).longValue();
			csms.add(csm);
			boolean createdNow = ((Number) task.get("created_run")).longValue() == run;
			if (isTrue(task.get("urgent")) && createdNow && "OPEN".equals(task.get("status"))) {
				long taskId = ((Number) task.get("id")).longValue();
				mails.add(new MailOutbox.QueuedMail("urgent:" + taskId, URGENT, csm, taskId));
			}
		}
		csms.forEach((csm) -> mails.add(new MailOutbox.QueuedMail("digest:" + csm + ":" + run, DIGEST, csm, null)));
		this.outbox.queue(mails, run, runDate);
	}

	private static boolean isTrue(Object value) {
		return Boolean.TRUE.equals(value) || (value instanceof Number number && number.intValue() != 0);
	}

}
