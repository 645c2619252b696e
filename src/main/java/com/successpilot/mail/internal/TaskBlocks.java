package com.successpilot.mail.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.successpilot.playbook.PlaceholderText;
import com.successpilot.playbook.Playbook;
import com.successpilot.playbook.PlaybookStep;
import com.successpilot.task.TaskChanges;

/**
 * The one place a task becomes what a mail shows about it (digest, urgent and welcome
 * alike): what to do next with due dates, who to call, what the account is worth and when
 * it renews, how its health moves, the evidence in words with each threshold's
 * provenance, and — where the playbook is about them — the customer's NPS comment, the
 * escalated tickets, the goal.
 */
final class TaskBlocks {

	// respondent roles are codes of the NPS feed (executive, decision-maker, …): put in
	// words
	private static final Set<String> ROLE_FACTS = Set.of("latestNpsRole");

	private static final Set<String> NPS_PLAYBOOKS = Set.of("detractor-recovery", "nps-drop-follow-up",
			"reference-request");

	private static final Set<String> TICKET_PLAYBOOKS = Set.of("escalation-recovery", "support-effort-review",
			"support-experience-review");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	private final String webBaseUrl;

	TaskBlocks(NamedParameterJdbcTemplate jdbc, String webBaseUrl) {
		this.jdbc = jdbc;
		this.webBaseUrl = webBaseUrl;
	}

	/**
	 * @param row a task row of {@link MailComposer}'s query
	 * @param playbook the task's playbook in the live rule set, for its steps (empty when
	 * the playbook was removed since)
	 */
	Map<String, Object> task(Map<String, Object> row, long run, LocalDate runDate, ReaderLanguage reader,
			Optional<Playbook> playbook) {
		Map<String, Object> task = new LinkedHashMap<>();
		// every key present, even empty: a template looks a missing one up in the outer
		// scope, where another task's value could show
		for (String key : List.of("npsComment", "tickets", "ticketsLine", "goalName", "goalPeriod", "goalTarget",
				"goalDue")) {
			task.put(key, null);
		}
		long accountKey = ((Number) row.get("account_id")).longValue();
		String playbookName = (String) row.get("playbook");
		task.put("id", row.get("id"));
		task.put("link", this.webBaseUrl + "/tasks/" + row.get("id"));
		task.put("title", row.get("title"));
		task.put("account", row.get("account_name"));
		task.put("accountId", row.get("external_id"));
		task.put("playbook", playbookName);
		task.put("priority", row.get("priority"));
		task.put("priorityLabel", reader.word("priority." + row.get("priority")));
		task.put("dueDate", reader.date(localDate(row.get("due_date"))));
		task.put("why", row.get("why"));
		task.put("closeReason", row.get("close_reason"));
		// new for the CSM: it reached them in this run (raised tonight or held back
		// before)
		long delivered = ((Number) row.get("delivered_run")).longValue();
		boolean isNew = (delivered != 0) ? delivered == run : ((Number) row.get("created_run")).longValue() == run;
		task.put("isNew", isNew);
		String changes = TaskChanges.describe((String) row.get("change_note"), reader.code());
		task.put("changeNote", changes.isEmpty() ? null : changes);
		task.put("rankScore", (row.get("rank_score") != null) ? reader.value(row.get("rank_score")) : null);
		task.put("rankParts", rankParts((String) row.get("rank_parts"), reader));
		account(task, row, runDate, reader);
		health(task, accountKey, runDate, reader);
		JsonNode evidence = evidence((String) row.get("evidence"));
		evidence(task, evidence, reader);
		// steps count from the day the task reached the CSM (the day it was raised while
		// it is held back)
		steps(task, playbook, localDate(row.get("delivered_on")), evidence, row, reader);
		if (NPS_PLAYBOOKS.contains(playbookName)) {
			task.put("npsComment", npsComment(accountKey));
		}
		if (TICKET_PLAYBOOKS.contains(playbookName)) {
			List<Map<String, Object>> tickets = escalatedTickets(accountKey, runDate);
			task.put("tickets", tickets);
			task.put("ticketsLine",
					String.join(" / ", tickets.stream().map((t) -> (String) t.get("subject")).toList()));
		}
		if (playbookName.startsWith("goal-")) {
			goal(task, accountKey, evidence, reader);
		}
		return task;
	}

	private static void account(Map<String, Object> task, Map<String, Object> row, LocalDate runDate,
			ReaderLanguage reader) {
		task.put("arr", reader.money((BigDecimal) row.get("arr"), (String) row.get("currency")));
		LocalDate renewal = localDate(row.get("renewal_date"));
		task.put("hasRenewal", renewal != null);
		task.put("renewalDate", reader.date(renewal));
		task.put("daysToRenewal", (renewal != null) ? ChronoUnit.DAYS.between(runDate, renewal) : "");
		task.put("contactName", row.get("main_contact_name"));
		task.put("contactEmail", row.get("main_contact_email"));
		task.put("hasContact", row.get("main_contact_name") != null || row.get("main_contact_email") != null);
	}

	/**
	 * The grade now and how the overall score moved since the latest score at least 7
	 * days earlier: "B (62.5, down 8.0 since 25 Nov)".
	 */
	private void health(Map<String, Object> task, long accountKey, LocalDate runDate, ReaderLanguage reader) {
		List<Map<String, Object>> scores = this.jdbc.queryForList("""
				SELECT run_date, overall_score, grade FROM health_scores
				WHERE account_id = :account AND (run_date = :runDate OR run_date <= :weekBefore)
				ORDER BY run_date DESC LIMIT 2
				""", new MapSqlParameterSource("account", accountKey).addValue("runDate", runDate)
			.addValue("weekBefore", runDate.minusDays(7)));
		if (scores.isEmpty() || !runDate.equals(localDate(scores.get(0).get("run_date")))) {
			task.put("grade", "–");
			task.put("healthScore", "–");
			task.put("health", reader.word("health.none"));
			return;
		}
		BigDecimal now = (BigDecimal) scores.get(0).get("overall_score");
		Object grade = scores.get(0).get("grade");
		task.put("grade", grade);
		task.put("healthScore", reader.value(now));
		if (scores.size() < 2) {
			task.put("health", reader.word("health.only", grade, reader.value(now)));
			return;
		}
		BigDecimal before = (BigDecimal) scores.get(1).get("overall_score");
		int direction = now.compareTo(before);
		String key = (direction < 0) ? "health.down" : (direction > 0) ? "health.up" : "health.same";
		task.put("health",
				reader.word(key, grade, reader.value(now), now.subtract(before).abs().setScale(1).toPlainString(),
						reader.shortDate(localDate(scores.get(1).get("run_date")))));
	}

	/**
	 * The facts and thresholds of the evidence with their labels; each threshold with
	 * where it comes from (agreed with the customer, or the segment's default).
	 */
	private static void evidence(Map<String, Object> task, JsonNode evidence, ReaderLanguage reader) {
		List<Map<String, Object>> facts = new ArrayList<>();
		evidence.path("facts")
			.properties()
			.forEach((fact) -> facts.add(Map.of("label", reader.factLabel(fact.getKey()), "value",
					ROLE_FACTS.contains(fact.getKey()) && fact.getValue().isString()
							? reader.word("role." + fact.getValue().asString())
							: reader.value(scalar(fact.getValue())))));
		List<Map<String, Object>> thresholds = new ArrayList<>();
		evidence.path("thresholds").properties().forEach((threshold) -> {
			JsonNode source = evidence.path("thresholdSources").path(threshold.getKey());
			thresholds.add(Map.of("label", reader.thresholdLabel(threshold.getKey()), "value",
					reader.value(scalar(threshold.getValue())), "provenance", provenance(source, reader)));
		});
		task.put("facts", facts);
		task.put("thresholds", thresholds);
		boolean japanese = "ja".equals(reader.code());
		List<String> words = new ArrayList<>();
		facts.forEach((fact) -> words.add(fact.get("label") + " " + fact.get("value")));
		thresholds.forEach((threshold) -> words.add(threshold.get("label") + " " + threshold.get("value")
				+ (japanese ? "（" : " (") + threshold.get("provenance") + (japanese ? "）" : ")")));
		String separator = japanese ? "、" : "; ";
		task.put("evidenceLine", String.join(separator, words));
	}

	static String provenance(JsonNode source, ReaderLanguage reader) {
		if ("account".equals(source.path("source").asString(""))) {
			String agreedOn = source.path("agreedOn").asString("");
			String note = source.path("note").asString("");
			String date = agreedOn.isEmpty() ? "" : reader.date(LocalDate.parse(agreedOn));
			String key = agreedOn.isEmpty() ? (note.isEmpty() ? "threshold.agreed.unknown" : "threshold.agreed.noDate")
					: (note.isEmpty() ? "threshold.agreed.noNote" : "threshold.agreed");
			return reader.word(key, date, note);
		}
		return reader.word("threshold.segment", source.path("segment").asString("?"));
	}

	private static void steps(Map<String, Object> task, Optional<Playbook> playbook, LocalDate createdOn,
			JsonNode evidence, Map<String, Object> row, ReaderLanguage reader) {
		Map<String, Object> values = new LinkedHashMap<>();
		evidence.path("facts").properties().forEach((fact) -> values.put(fact.getKey(), scalar(fact.getValue())));
		values.put("accountName", row.get("account_name"));
		List<Map<String, Object>> steps = new ArrayList<>();
		List<PlaybookStep> defined = playbook.map(Playbook::steps).orElse(List.of());
		for (int i = 0; i < defined.size(); i++) {
			PlaybookStep step = defined.get(i);
			steps.add(Map.of("number", i + 1, "text", PlaceholderText.fill(step.text().in(reader.code()), values),
					"dueDate", reader.date(createdOn.plusDays(step.dueInDays())), "dueShort",
					reader.shortDate(createdOn.plusDays(step.dueInDays()))));
		}
		task.put("steps", steps);
	}

	private String npsComment(long accountKey) {
		return this.jdbc.queryForList("""
				SELECT comment FROM nps_responses WHERE account_id = :account
				ORDER BY responded_on DESC, id DESC LIMIT 1
				""", new MapSqlParameterSource("account", accountKey), String.class)
			.stream()
			.filter((comment) -> comment != null && !comment.isBlank())
			.findFirst()
			.orElse(null);
	}

	/**
	 * The escalated tickets behind {@code escalations30d}: opened in the 30 whole days
	 * before the run date (the facts' window; what is dated on the run date counts from
	 * the next night).
	 */
	private List<Map<String, Object>> escalatedTickets(long accountKey, LocalDate runDate) {
		return this.jdbc.queryForList("""
				SELECT subject FROM support_tickets
				WHERE account_id = :account AND escalated = TRUE AND subject IS NOT NULL
				  AND opened_at >= :from AND opened_at < :to
				ORDER BY opened_at DESC, id DESC LIMIT 5
				""",
				new MapSqlParameterSource("account", accountKey).addValue("from", runDate.minusDays(30).atStartOfDay())
					.addValue("to", runDate.atStartOfDay()),
				String.class)
			.stream()
			.map((subject) -> Map.<String, Object>of("subject", subject))
			.toList();
	}

	private void goal(Map<String, Object> task, long accountKey, JsonNode evidence, ReaderLanguage reader) {
		String name = evidence.path("facts").path("goalName").asString("");
		if (name.isEmpty()) {
			return;
		}
		task.put("goalName", name);
		task.put("goalPeriod", evidence.path("facts").path("currentPeriod").asString(""));
		this.jdbc
			.queryForList(
					"SELECT target, unit, due_date FROM success_goals WHERE account_id = :account AND name = :name",
					new MapSqlParameterSource("account", accountKey).addValue("name", name))
			.stream()
			.findFirst()
			.ifPresent((goal) -> {
				task.put("goalTarget",
						reader.value(goal.get("target")) + ((goal.get("unit") != null) ? " " + goal.get("unit") : ""));
				task.put("goalDue", reader.date(localDate(goal.get("due_date"))));
			});
	}

	private static JsonNode evidence(String json) {
		return (json != null && !json.isBlank()) ? JSON.readTree(json) : JSON.createObjectNode();
	}

	private static Object scalar(JsonNode node) {
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.asString();
	}

	/**
	 * The parts of a task's score in words, e.g.
	 * {@code severity 40 + value 12.5 + time 14 +
	 * trend 6}.
	 */
	private static String rankParts(String parts, ReaderLanguage reader) {
		JsonNode json = evidence(parts);
		if (json == null || !json.isObject()) {
			return null;
		}
		List<String> words = new ArrayList<>();
		for (String part : List.of("severity", "value", "time", "trend")) {
			words.add(reader.word("rank." + part) + " " + reader.value(json.path(part).asDouble()));
		}
		return String.join(" + ", words);
	}

	private static LocalDate localDate(Object value) {
		if (value instanceof Date date) {
			return date.toLocalDate();
		}
		return (value instanceof LocalDate day) ? day : null;
	}

}
