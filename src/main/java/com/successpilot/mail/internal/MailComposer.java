package com.successpilot.mail.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.mail.MailProperties;
import com.successpilot.playbook.Playbook;
import com.successpilot.rules.LiveRuleSet;

/**
 * Turns queued mails into subject and bodies from the templates of the CSM's language,
 * with the tasks as they stand now: a digest lists its CSM's tasks the run created or
 * changed (open ones by priority then due date, then those the rules closed), an urgent
 * mail its one task, a welcome mail the CSM's open tasks to start with. Every kind shows
 * a task the same way ({@link TaskBlocks}).
 */
@Component
public class MailComposer {

	private static final String TASKS = """
			SELECT t.id, t.title, t.playbook, t.priority, t.due_date, t.why, t.status, t.created_run, t.created_on,
			  t.delivered_on,
			  t.close_reason, t.evidence, t.account_id, t.delivered_run, t.change_note, t.rank_score, t.rank_parts,
			  a.external_id, a.name AS account_name, a.main_contact_name, a.main_contact_email,
			  h.grade, h.overall_score, f.renewal_date, f.arr, f.currency
			FROM tasks t JOIN accounts a ON a.id = t.account_id
			LEFT JOIN health_scores h ON h.account_id = t.account_id AND h.run_date = :runDate
			LEFT JOIN account_facts f ON f.account_id = t.account_id AND f.run_date = :runDate
			WHERE t.owner_csm_id = :csm AND %s
			ORDER BY t.rank_score DESC, t.due_date, a.name, t.id
			""";

	private static final List<String> PRIORITIES = List.of("high", "medium", "low");

	private final NamedParameterJdbcTemplate jdbc;

	private final MailOutbox outbox;

	private final MailProperties properties;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final LiveRuleSet rules;

	private final TaskBlocks blocks;

	MailComposer(NamedParameterJdbcTemplate jdbc, MailOutbox outbox, MailProperties properties, MessageSource messages,
			LiveRuleSet rules) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.properties = properties;
		this.templates = new MailTemplates(properties.templatesDir());
		this.messages = messages;
		this.rules = rules;
		this.blocks = new TaskBlocks(jdbc, properties.webBaseUrl());
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
			String kind = ((String) mail.get("kind")).toLowerCase(Locale.ROOT);
			MapSqlParameterSource parameters = new MapSqlParameterSource("csm", csm).addValue("run", run)
				.addValue("runDate", runDate)
				.addValue("task", mail.get("task_id"));
			List<Map<String, Object>> tasks = this.jdbc.queryForList(TASKS.formatted(condition(kind)), parameters);
			if (tasks.isEmpty()) {
				this.outbox.skipped(id, "urgent".equals(kind) ? "The task was no longer open when the mail was composed"
						: "No task of this run is still open or just closed");
				continue;
			}
			ReaderLanguage reader = new ReaderLanguage(this.properties.languageOf((String) mail.get("language")),
					this.messages);
			Map<String, Object> model = model((String) mail.get("name"), (String) mail.get("email"), run, runDate,
					tasks, reader);
			model.put("waitingCount", waiting(csm));
			MailTemplates.Rendered rendered = this.templates.render(kind, reader.code(), model);
			this.outbox.composed(id,
					new ComposedMail((String) mail.get("email"), (String) mail.get("name"), rendered.subject(),
							rendered.text(), rendered.html(), tasks.size(),
							messageId((String) mail.get("mail_key"), id)));
			composed++;
		}
		return composed;
	}

	private static String condition(String kind) {
		return switch (kind) {
			case "urgent" -> urgentCondition();
			case "welcome" -> welcomeCondition();
			default -> digestCondition();
		};
	}

	/**
	 * The tasks a digest lists: what reached the CSM in this run (new tasks, and tasks
	 * held back on earlier nights), what they already had that changed materially, and
	 * what of theirs the rules closed.
	 */
	private static String digestCondition() {
		return """
				((t.delivered_run = :run AND t.status = 'OPEN')
				  OR (t.changed_run = :run AND t.delivered_run <> 0 AND t.delivered_run <> :run
				    AND t.status IN ('OPEN', 'AUTO_CLOSED')))""";
	}

	/** The task of an urgent mail, while it is still open. */
	private static String urgentCondition() {
		return "t.id = :task AND t.status = 'OPEN'";
	}

	/**
	 * A portfolio's first night: the tasks that reached the CSM, their best-ranked ones.
	 */
	private static String welcomeCondition() {
		return "t.delivered_run = :run AND t.status = 'OPEN'";
	}

	private Map<String, Object> model(String csmName, String csmEmail, long run, LocalDate runDate,
			List<Map<String, Object>> rows, ReaderLanguage reader) {
		List<Map<String, Object>> open = new ArrayList<>();
		List<Map<String, Object>> closed = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> task = this.blocks.task(row, run, runDate, reader,
					playbook((String) row.get("playbook")));
			("AUTO_CLOSED".equals(row.get("status")) ? closed : open).add(task);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("csmName", csmName);
		// the family name of 「佐藤 美咲」 and the first name of "Daniel Hayes" both come first
		model.put("salutationName", csmName.strip().split("\\s+")[0]);
		model.put("csmEmail", csmEmail);
		model.put("runDate", reader.date(runDate));
		model.put("run", run);
		model.put("webBaseUrl", this.properties.webBaseUrl());
		model.put("taskCount", rows.size());
		model.put("openCount", open.size());
		model.put("newCount", open.stream().filter((task) -> Boolean.TRUE.equals(task.get("isNew"))).count());
		model.put("changedCount", open.stream().filter((task) -> !Boolean.TRUE.equals(task.get("isNew"))).count());
		model.put("closedCount", closed.size());
		model.put("priorities", byPriority(open, reader));
		model.put("tasks", open);
		model.put("closed", closed);
		// the first open task, named in every mail: the urgent mail's task
		model.put("task", null);
		if (!open.isEmpty()) {
			model.put("task", open.get(0));
			model.putAll(open.get(0));
		}
		return model;
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

	private Optional<Playbook> playbook(String name) {
		return this.rules.current().playbooks().find(name);
	}

	private static List<Map<String, Object>> byPriority(List<Map<String, Object>> open, ReaderLanguage reader) {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (String priority : PRIORITIES) {
			List<Map<String, Object>> tasks = open.stream()
				.filter((task) -> priority.equals(task.get("priority")))
				.toList();
			if (!tasks.isEmpty()) {
				groups.add(Map.of("priority", priority, "priorityLabel", reader.word("priority." + priority), "tasks",
						tasks, "count", tasks.size()));
			}
		}
		return groups;
	}

	private String messageId(String key, long id) {
		String domain = this.properties.from().replaceAll("(?s).*@([^>\\s]+).*", "$1");
		return "<successpilot." + key.replace(':', '.') + "." + id + "@" + domain + ">";
	}

}
