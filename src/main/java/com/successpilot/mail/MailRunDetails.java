package com.successpilot.mail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.run.RunDetailSection;

/**
 * The mail part of a run's detail in the API: the digests and urgent mails the run
 * produced, by status.
 */
@Component
@Order(20)
class MailRunDetails extends RunDetailSection {

	private final NamedParameterJdbcTemplate jdbc;

	MailRunDetails(NamedParameterJdbcTemplate jdbc) {
		super("mail", "mailComposeStep");
		this.jdbc = jdbc;
	}

	@Override
	protected Object describe(long run) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				SELECT SUM(CASE WHEN kind IN ('DIGEST', 'WELCOME') THEN 1 ELSE 0 END) AS digests,
				  SUM(CASE WHEN kind = 'URGENT' THEN 1 ELSE 0 END) AS urgent,
				  SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END) AS sent,
				  SUM(CASE WHEN status IN ('QUEUED', 'PENDING', 'SENDING') THEN 1 ELSE 0 END) AS pending,
				  SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
				  SUM(CASE WHEN status = 'UNKNOWN' THEN 1 ELSE 0 END) AS in_doubt,
				  SUM(CASE WHEN status = 'SKIPPED' THEN 1 ELSE 0 END) AS skipped
				FROM mail_outbox WHERE run_id = :run
				""", new MapSqlParameterSource("run", run));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("digests", number(row, "digests"));
		details.put("urgent", number(row, "urgent"));
		details.put("sent", number(row, "sent"));
		details.put("pending", number(row, "pending"));
		details.put("failed", number(row, "failed"));
		details.put("unknown", number(row, "in_doubt"));
		details.put("skipped", number(row, "skipped"));
		return details;
	}

	private static long number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
