package com.successpilot.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.system.Page;
import com.successpilot.system.Paging;
import com.successpilot.system.SqlConditions;

/**
 * Reads the outbox for the mail page: the mails in some states, newest change first, and
 * how many mails each state holds.
 */
@Repository
class OutboxQueries {

	private static final String FROM = "FROM mail_outbox m LEFT JOIN csms c ON c.id = m.csm_id ";

	private final NamedParameterJdbcTemplate jdbc;

	OutboxQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One mail as the page lists it.
	 *
	 * @param recipient the address, or the CSM's while the mail is not composed yet
	 * @param lastError the reason of the last failure, or what an operator did
	 */
	record OutboxMail(long id, String kind, String recipient, String recipientName, String subject, OutboxStatus status,
			int attempts, LocalDate runDate, LocalDateTime nextAttemptAt, LocalDateTime sentAt, LocalDateTime updatedAt,
			String lastError) {

		/** An operator may send it again: its delivery was interrupted or refused. */
		public boolean resendable() {
			return this.status == OutboxStatus.UNKNOWN || this.status == OutboxStatus.FAILED;
		}

	}

	/**
	 * @param statuses the states to list
	 * @param kind {@code digest}, {@code urgent}, {@code welcome}…, or {@code null} for
	 * all
	 * @param recipient part of the address or name, or {@code null}
	 */
	Page<OutboxMail> list(Set<OutboxStatus> statuses, String kind, String recipient, Paging paging) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", paging.size()).addValue("offset",
				paging.offset());
		String where = new SqlConditions(parameters)
			.and("m.status IN (:statuses)", "statuses", statuses.stream().map(OutboxStatus::name).toList())
			.and("m.kind = :kind", "kind", kind)
			.and("(LOWER(COALESCE(m.recipient, c.email)) LIKE :recipient ESCAPE '!' "
					+ "OR LOWER(COALESCE(m.recipient_name, c.name)) LIKE :recipient ESCAPE '!')", "recipient",
					contains(recipient))
			.toString();
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) " + FROM + where, parameters, Long.class);
		List<OutboxMail> mails = this.jdbc.query("""
				SELECT m.id, m.kind, COALESCE(m.recipient, c.email) AS recipient,
				  COALESCE(m.recipient_name, c.name) AS recipient_name, m.subject, m.status, m.attempts, m.run_date,
				  m.next_attempt_at, m.sent_at, m.updated_at, m.last_error
				""" + FROM + where + " ORDER BY m.updated_at DESC, m.id DESC LIMIT :limit OFFSET :offset", parameters,
				(rs, row) -> mail(rs));
		return paging.of(mails, (total != null) ? total : 0);
	}

	Optional<OutboxMail> find(long id) {
		return this.jdbc.query("""
				SELECT m.id, m.kind, COALESCE(m.recipient, c.email) AS recipient,
				  COALESCE(m.recipient_name, c.name) AS recipient_name, m.subject, m.status, m.attempts, m.run_date,
				  m.next_attempt_at, m.sent_at, m.updated_at, m.last_error
				""" + FROM + "WHERE m.id = :id", new MapSqlParameterSource("id", id), (rs, row) -> mail(rs))
			.stream()
			.findFirst();
	}

	/**
	 * How many mails each state holds, every state listed (0 when empty).
	 */
	Map<OutboxStatus, Long> counts() {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.query("SELECT status, COUNT(*) AS mails FROM mail_outbox GROUP BY status", (row) -> {
			counts.put(OutboxStatus.valueOf(row.getString("status")), row.getLong("mails"));
		});
		return counts;
	}

	/**
	 * The kinds of mail in the outbox, for the filter's choices.
	 */
	List<String> kinds() {
		return this.jdbc.getJdbcOperations()
			.queryForList("SELECT DISTINCT kind FROM mail_outbox ORDER BY kind", String.class);
	}

	private static OutboxMail mail(ResultSet rs) throws SQLException {
		return new OutboxMail(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
				rs.getString("recipient_name"), rs.getString("subject"), OutboxStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getDate("run_date").toLocalDate(), dateTime(rs, "next_attempt_at"),
				dateTime(rs, "sent_at"), dateTime(rs, "updated_at"), rs.getString("last_error"));
	}

	private static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

	private static String contains(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
				+ "%";
	}

}
