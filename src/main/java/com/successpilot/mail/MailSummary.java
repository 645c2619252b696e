package com.successpilot.mail;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.mail.internal.MailDelivery;
import com.successpilot.run.RanSteps;
import com.successpilot.run.RunSummarySection;

/**
 * The mail part of a run summary: per CSM how many digests and urgent mails the run
 * produced and where they stand, where they went, and every mail that needs a person.
 */
@Component
@Order(20)
class MailSummary implements RunSummarySection {

	private final NamedParameterJdbcTemplate jdbc;

	private final MailDelivery delivery;

	MailSummary(NamedParameterJdbcTemplate jdbc, MailDelivery delivery) {
		this.jdbc = jdbc;
		this.delivery = delivery;
	}

	@Override
	public void print(JobExecution execution, PrintStream out) {
		if (!RanSteps.includes(execution, "mailDeliveryStep")) {
			return;
		}
		MapSqlParameterSource run = new MapSqlParameterSource("run", execution.getJobInstance().getInstanceId());
		List<Map<String, Object>> recipients = this.jdbc.queryForList("""
				SELECT COALESCE(c.email, o.recipient) AS email,
				  SUM(CASE WHEN o.kind IN ('DIGEST', 'WELCOME') THEN 1 ELSE 0 END) AS digests,
				  SUM(CASE WHEN o.kind = 'URGENT' THEN 1 ELSE 0 END) AS urgent,
				  SUM(CASE WHEN o.status = 'SENT' THEN 1 ELSE 0 END) AS sent,
				  SUM(CASE WHEN o.status IN ('PENDING', 'SENDING') THEN 1 ELSE 0 END) AS pending,
				  SUM(CASE WHEN o.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
				  SUM(CASE WHEN o.status = 'UNKNOWN' THEN 1 ELSE 0 END) AS in_doubt,
				  SUM(CASE WHEN o.status = 'HELD' THEN 1 ELSE 0 END) AS held
				FROM mail_outbox o LEFT JOIN csms c ON c.id = o.csm_id
				WHERE o.run_id = :run AND o.status NOT IN ('QUEUED', 'SKIPPED')
				GROUP BY COALESCE(c.email, o.recipient) ORDER BY 1
				""", run);
		if (recipients.isEmpty()) {
			out.println("\nMail: nothing new for any CSM, so no mail.");
		}
		else {
			out.println("\nMail (" + this.delivery.transportDescription() + ")");
			int width = recipients.stream().mapToInt((row) -> row.get("email").toString().length()).max().orElse(2);
			out.printf("  %-" + width + "s %8s %7s %7s %7s %7s %7s %7s%n", "to", "digests", "urgent", "sent", "pending",
					"held", "failed", "unknown");
			for (Map<String, Object> row : recipients) {
				out.printf("  %-" + width + "s %8d %7d %7d %7d %7d %7d %7d%n", row.get("email"), number(row, "digests"),
						number(row, "urgent"), number(row, "sent"), number(row, "pending"), number(row, "held"),
						number(row, "failed"), number(row, "in_doubt"));
			}
		}
		printAttention(out);
	}

	private void printAttention(PrintStream out) {
		List<Map<String, Object>> attention = this.jdbc.queryForList("""
				SELECT o.id, o.kind, o.status, o.run_date, o.attempts, o.next_attempt_at, o.last_error,
				  COALESCE(c.email, o.recipient) AS email
				FROM mail_outbox o LEFT JOIN csms c ON c.id = o.csm_id
				WHERE o.status IN ('PENDING', 'FAILED', 'UNKNOWN') ORDER BY o.status, o.id
				""", Map.of());
		if (attention.isEmpty()) {
			return;
		}
		out.println("Mails that need attention (mail_outbox):");
		attention.stream()
			.limit(20)
			.forEach((row) -> out.printf("  #%s %s to %s (%s, %s attempt(s)) %s: %s%n", row.get("id"),
					row.get("kind").toString().toLowerCase(), row.get("email"), row.get("run_date"),
					row.get("attempts"), describe(row), row.get("last_error")));
		if (attention.size() > 20) {
			out.println("  … and " + (attention.size() - 20) + " more");
		}
	}

	private static String describe(Map<String, Object> row) {
		return switch ((String) row.get("status")) {
			case "PENDING" -> "PENDING, next attempt at " + row.get("next_attempt_at");
			case "UNKNOWN" -> "UNKNOWN, may or may not have been sent; not resent on its own";
			default -> "FAILED";
		};
	}

	private static long number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
