package com.successpilot.faults;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.successpilot.mail.ReceivedMail;

/**
 * What a night left that people see — tasks, health scores, the facts behind them, the
 * outbox and the mails the SMTP server received — written as sorted text lines, so that
 * two databases that went through the same night by different paths (uninterrupted, or
 * killed and recovered) can be compared byte for byte.
 * <p>
 * Left out, because they legitimately differ between two correct runs of one night:
 * <ul>
 * <li>surrogate ids ({@code tasks.id}, {@code accounts.id}, {@code csms.id},
 * {@code mail_outbox.id}): a rolled-back chunk uses up auto-increment values (MariaDB
 * never gives them back), so rows are named by their natural keys instead — account
 * external id, CSM e-mail, task deduplication key — and a task link {@code /tasks/<id>}
 * in a mail becomes {@code /tasks/<dedup key>};</li>
 * <li>run ids ({@code *_run}, {@code run_id}, the run in {@code mail_key} and the
 * Message-ID): a recovered run continues in a new job execution, so they name a different
 * execution of the same run;</li>
 * <li>the SMTP server's port in {@code delivered_to}: a killed run may have talked to the
 * server through a proxy;</li>
 * <li>wall-clock times ({@code created_at}, {@code updated_at}, {@code closed_at},
 * {@code claimed_at}, {@code sent_at}, {@code next_attempt_at}) and the delivery
 * bookkeeping ({@code attempts}, {@code claim_token}): when and how often a mail was
 * tried, not what was sent.</li>
 * </ul>
 * Everything else of these rows is compared.
 */
record NightExport(Map<String, List<String>> tables) {

	private static final Pattern TASK_LINK = Pattern.compile("/tasks/(\\d+)");

	static final String TASKS = """
			SELECT t.dedup_key, t.active_key, a.external_id, c.email, t.playbook, t.task_type, t.priority, t.title,
			  t.description, t.due_date, t.status, t.snoozed_until, t.urgent, t.auto_close, t.rule_name, t.why,
			  t.evidence, t.rules_version, t.created_on, t.last_seen_on, t.closed_by, t.close_reason, t.occurrence,
			  t.rank_score, t.rank_parts, t.delivered_run <> 0 AS delivered, t.delivered_on, t.mailed_evidence,
			  t.change_note
			FROM tasks t JOIN accounts a ON a.id = t.account_id LEFT JOIN csms c ON c.id = t.owner_csm_id
			""";

	static final String HEALTH_SCORES = """
			SELECT a.external_id, h.run_date, h.outcome_score, h.experience_score, h.overall_score, h.grade, h.drag,
			  h.rules_version
			FROM health_scores h JOIN accounts a ON a.id = h.account_id
			""";

	static final String OUTBOX = """
			SELECT o.kind, c.email, t.dedup_key, o.run_date, o.status,
			  CASE WHEN o.delivered_to LIKE 'SMTP %' THEN 'SMTP' ELSE o.delivered_to END, o.last_error, o.recipient,
			  o.recipient_name, o.subject, o.text_body, o.html_body, o.task_count
			FROM mail_outbox o LEFT JOIN csms c ON c.id = o.csm_id LEFT JOIN tasks t ON t.id = o.task_id
			""";

	/**
	 * Reads the night's rows from a database no other process has open.
	 */
	static NightExport read(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			Map<String, String> taskKeys = new HashMap<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id, dedup_key FROM tasks")) {
				while (rows.next()) {
					taskKeys.put(rows.getString(1), rows.getString(2));
				}
			}
			Map<String, List<String>> tables = new LinkedHashMap<>();
			tables.put("tasks", lines(connection, TASKS, taskKeys));
			tables.put("health_scores", lines(connection, HEALTH_SCORES, taskKeys));
			tables.put("account_facts", accountFacts(connection));
			tables.put("mail_outbox", lines(connection, OUTBOX, taskKeys));
			return new NightExport(tables);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The mails received, one line each (recipient, subject, text), task links named by
	 * the tasks' deduplication keys ({@link #taskKeys}); sorted.
	 */
	static List<String> mails(List<ReceivedMail> received, Map<String, String> taskKeys) {
		List<String> lines = new ArrayList<>();
		for (ReceivedMail mail : received) {
			String text = withTaskKeys(mail.text(), taskKeys).replace("\r", "").replace("\n", "\\n");
			lines.add(String.join(" | ", mail.to(), mail.subject(), text));
		}
		lines.sort(null);
		return lines;
	}

	/**
	 * Task id to deduplication key, to name the task links of received mails.
	 */
	static Map<String, String> taskKeys(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id, dedup_key FROM tasks")) {
			Map<String, String> keys = new HashMap<>();
			while (rows.next()) {
				keys.put(rows.getString(1), rows.getString(2));
			}
			return keys;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The same export with the delivery outcome (status, delivered to, last error) of one
	 * mail blanked out: the mail a killed delivery had in flight, whose outcome a person
	 * decides (UNKNOWN, perhaps resent).
	 * @param kind the mail's kind, e.g. {@code WELCOME}
	 * @param csmEmail the CSM it goes to
	 */
	NightExport withoutTheOutcomeOf(String kind, String csmEmail) {
		Map<String, List<String>> copy = new LinkedHashMap<>(this.tables);
		List<String> outbox = new ArrayList<>();
		String prefix = kind + " | " + csmEmail + " | ";
		for (String line : this.tables.get("mail_outbox")) {
			if (line.startsWith(prefix)) {
				String[] fields = line.split(" \\| ", 8);
				fields[4] = "?";
				fields[5] = "?";
				fields[6] = "?";
				line = String.join(" | ", fields);
			}
			outbox.add(line);
		}
		outbox.sort(null);
		copy.put("mail_outbox", outbox);
		return new NightExport(copy);
	}

	/**
	 * The lines of each table that are in this export and not in the other.
	 */
	Map<String, List<String>> linesNotIn(NightExport other) {
		Map<String, List<String>> missing = new LinkedHashMap<>();
		this.tables.forEach((table, lines) -> {
			List<String> notThere = new ArrayList<>(lines);
			notThere.removeAll(other.tables.getOrDefault(table, List.of()));
			if (!notThere.isEmpty()) {
				missing.put(table, notThere.subList(0, Math.min(5, notThere.size())));
			}
		});
		return missing;
	}

	/**
	 * The row count of each table, for a message.
	 */
	String counts() {
		StringBuilder counts = new StringBuilder();
		this.tables.forEach((table, lines) -> counts.append(table).append(' ').append(lines.size()).append("; "));
		return counts.toString();
	}

	/**
	 * All of it as one text, table by table.
	 */
	String text() {
		StringBuilder text = new StringBuilder();
		this.tables.forEach((table, lines) -> {
			text.append("== ").append(table).append('\n');
			lines.forEach((line) -> text.append(line).append('\n'));
		});
		return text.toString();
	}

	private static List<String> accountFacts(Connection connection) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT a.external_id, f.* FROM account_facts f JOIN accounts a ON a.id = f.account_id")) {
			ResultSetMetaData columns = rows.getMetaData();
			while (rows.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					if (!columns.getColumnLabel(i).equalsIgnoreCase("account_id")) {
						values.add(value(rows, i));
					}
				}
				lines.add(String.join(" | ", values));
			}
		}
		lines.sort(null);
		return lines;
	}

	private static List<String> lines(Connection connection, String sql, Map<String, String> taskKeys)
			throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			int count = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= count; i++) {
					values.add(withTaskKeys(value(rows, i), taskKeys));
				}
				lines.add(String.join(" | ", values));
			}
		}
		lines.sort(null);
		return lines;
	}

	private static String value(ResultSet rows, int column) throws SQLException {
		Object value = rows.getObject(column);
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		String text = rows.getString(column);
		return (text != null) ? text.replace("\r", "\\r").replace("\n", "\\n") : "null";
	}

	private static String withTaskKeys(String text, Map<String, String> taskKeys) {
		if (text == null) {
			return "null";
		}
		Matcher link = TASK_LINK.matcher(text);
		return link.replaceAll((found) -> Matcher
			.quoteReplacement("/tasks/" + taskKeys.getOrDefault(found.group(1), "?" + found.group(1))));
	}

}
