package com.successpilot.mail.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.mail.MailProperties;

/**
 * Turns queued mails into subject and bodies from the templates, with the tasks as they
 * stand now: a digest lists its CSM's tasks the run created or changed (open ones by
 * priority then due date, then those the rules closed), an urgent mail its one task.
 */
@Component
public class MailComposer {

	private static final String TASKS = """
			SELECT t.id, t.title, t.playbook, t.priority, t.due_date, t.why, t.status, t.created_run, t.close_reason,
			  t.delivered_run, t.change_note, t.rank_score, t.rank_parts, a.external_id, a.name AS account_name, h.grade, h.overall_score, f.renewal_date
			FROM tasks t JOIN accounts a ON a.id = t.account_id
			LEFT JOIN health_scores h ON h.account_id = t.account_id AND h.run_date = :runDate
			LEFT JOIN account_facts f ON f.account_id = t.account_id AND f.run_date = :runDate
			WHERE t.owner_csm_id = :csm AND %s
			ORDER BY t.rank_score DESC, t.due_date, a.name, t.id
			""";

	/**
	 * A digest lists what reached the CSM in this run (new tasks, and tasks held back on
	 * earlier nights), what they already had that changed materially, and what of theirs
	 * the rules closed.
	 */
	private static final String DIGEST_TASKS = """
			((t.delivered_run = :run AND t.status = 'OPEN')
			  OR (t.changed_run = :run AND t.delivered_run IS NOT NULL AND t.delivered_run <> :run
			    AND t.status IN ('OPEN', 'AUTO_CLOSED')))""";

	private static final String URGENT_TASK = "t.id = :task AND t.status = 'OPEN'";

	private static final List<String> PRIORITIES = List.of("high", "medium", "low");

	private final NamedParameterJdbcTemplate jdbc;

	private final MailOutbox outbox;

	private final MailProperties properties;

	private final MailTemplates templates;

	MailComposer(NamedParameterJdbcTemplate jdbc, MailOutbox outbox, MailProperties properties) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.properties = properties;
		this.templates = new MailTemplates(properties.templatesDir());
	}

	/**
	 * Composes every queued mail.
	 * @return how many are now pending
	 */
	public int composeQueued() {
		int composed = 0;
		for (Map<String, Object> mail : this.outbox.queued()) {
			long id = ((Number) mail.get("id")).longValue();
			long csm = ((Number) mail.get("csm_id")).longValue();
			long run = ((Number) mail.get("run_id")).longValue();
			LocalDate runDate = ((Date) mail.get("run_date")).toLocalDate();
			MapSqlParameterSource parameters = new MapSqlParameterSource("csm", csm).addValue("run", run)
				.addValue("runDate", runDate)
				.addValue("task", mail.get("task_id"));
			boolean digest = !MailQueue.URGENT.equals(mail.get("kind"));
			List<Map<String, Object>> tasks = this.jdbc
				.queryForList(TASKS.formatted(digest ? DIGEST_TASKS : URGENT_TASK), parameters);
			if (tasks.isEmpty()) {
				this.outbox.skipped(id, digest ? "No task of this run is still open or just closed"
						: "The task was no longer open when the mail was composed");
				continue;
			}
			Map<String, Object> model = model((String) mail.get("name"), (String) mail.get("email"), run, runDate,
					tasks);
			model.put("waitingCount", waiting(csm));
			MailTemplates.Rendered rendered = this.templates
				.render(MailQueue.WELCOME.equals(mail.get("kind")) ? "welcome" : digest ? "digest" : "urgent", model);
			this.outbox.composed(id,
					new ComposedMail((String) mail.get("email"), (String) mail.get("name"), rendered.subject(),
							rendered.text(), rendered.html(), tasks.size(),
							messageId((String) mail.get("mail_key"), id)));
			composed++;
		}
		return composed;
	}

	private Map<String, Object> model(String csmName, String csmEmail, long run, LocalDate runDate,
			List<Map<String, Object>> rows) {
		List<Map<String, Object>> open = new ArrayList<>();
		List<Map<String, Object>> closed = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> task = task(row, run, runDate);
			("AUTO_CLOSED".equals(row.get("status")) ? closed : open).add(task);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("csmName", csmName);
		model.put("csmEmail", csmEmail);
		model.put("runDate", runDate.toString());
		model.put("run", run);
		model.put("webBaseUrl", this.properties.webBaseUrl());
		model.put("taskCount", rows.size());
		model.put("openCount", open.size());
		model.put("newCount", open.stream().filter((task) -> Boolean.TRUE.equals(task.get("isNew"))).count());
		model.put("changedCount", open.stream().filter((task) -> !Boolean.TRUE.equals(task.get("isNew"))).count());
		model.put("closedCount", closed.size());
		model.put("priorities", byPriority(open));
		model.put("closed", closed);
		if (!open.isEmpty()) {
			model.put("task", open.get(0));
			model.putAll(open.get(0));
		}
		return model;
	}

	private Map<String, Object> task(Map<String, Object> row, long run, LocalDate runDate) {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("id", row.get("id"));
		task.put("link", this.properties.webBaseUrl() + "/tasks/" + row.get("id"));
		task.put("title", row.get("title"));
		task.put("account", row.get("account_name"));
		task.put("accountId", row.get("external_id"));
		task.put("playbook", row.get("playbook"));
		task.put("priority", row.get("priority"));
		task.put("dueDate", String.valueOf(row.get("due_date")));
		task.put("why", row.get("why"));
		task.put("grade", (row.get("grade") != null) ? row.get("grade") : "–");
		task.put("healthScore", (row.get("overall_score") != null) ? row.get("overall_score") : "–");
		Object deliveredRun = row.get("delivered_run");
		boolean isNew = deliveredRun != null && ((Number) deliveredRun).longValue() == run;
		task.put("isNew", isNew);
		task.put("change", isNew ? "new" : "changed");
		task.put("changeNote", row.get("change_note"));
		task.put("rankScore", row.get("rank_score"));
		task.put("rankParts", row.get("rank_parts"));
		task.put("closeReason", row.get("close_reason"));
		Date renewal = (Date) row.get("renewal_date");
		task.put("hasRenewal", renewal != null);
		task.put("renewalDate", (renewal != null) ? renewal.toString() : "");
		task.put("daysToRenewal", (renewal != null) ? ChronoUnit.DAYS.between(runDate, renewal.toLocalDate()) : "");
		return task;
	}

	/**
	 * How many of the CSM's tasks are held back, waiting for capacity.
	 */
	private int waiting(long csm) {
		Integer waiting = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE owner_csm_id = :csm AND status = 'QUEUED'",
				new MapSqlParameterSource("csm", csm), Integer.class);
		return (waiting != null) ? waiting : 0;
	}

	private static List<Map<String, Object>> byPriority(List<Map<String, Object>> open) {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (String priority : PRIORITIES) {
			List<Map<String, Object>> tasks = open.stream()
				.filter((task) -> priority.equals(task.get("priority")))
				.toList();
			if (!tasks.isEmpty()) {
				groups.add(Map.of("priority", priority, "priorityLabel", capitalised(priority), "tasks", tasks, "count",
						tasks.size()));
			}
		}
		return groups;
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private String messageId(String key, long id) {
		String domain = this.properties.from().replaceAll("(?s).*@([^>\\s]+).*", "$1");
		return "<successpilot." + key.replace(':', '.') + "." + id + "@" + domain + ">";
	}

}
