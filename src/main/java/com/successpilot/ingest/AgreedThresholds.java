package com.successpilot.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threshold values agreed with one customer ({@code account_thresholds}) and their
 * removal: a removed value is kept in {@code account_threshold_removals} with when, by
 * whom and how ({@code feed} or {@code api}), and the account is judged on its segment's
 * default from the next run on.
 */
@Component
public class AgreedThresholds {

	private static final String KEEP = """
			INSERT INTO account_threshold_removals
			  (account_id, name, threshold_value, agreed_on, note, removed_at, removed_by, removed_via)
			SELECT account_id, name, threshold_value, agreed_on, note, ?, ?, ?
			FROM account_thresholds WHERE account_id = ? AND name = ?
			""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AgreedThresholds(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Removes the value agreed with the account for this threshold, keeping it with who
	 * removed it and how.
	 * @param accountKey the account's row id
	 * @param by who removed it (a user name, or the feed file and line)
	 * @param via {@code api} or {@code feed}
	 * @return what was removed, or empty when the account had no value of that name
	 */
	@Transactional
	public Optional<Agreed> remove(long accountKey, String name, String by, String via) {
		Optional<Agreed> agreed = find(accountKey, name);
		if (agreed.isPresent()) {
			this.jdbc.update(KEEP, Timestamp.valueOf(LocalDateTime.now(this.clock)), by, via, accountKey, name);
			this.jdbc.update("DELETE FROM account_thresholds WHERE account_id = ? AND name = ?", accountKey, name);
		}
		return agreed;
	}

	public Optional<Agreed> find(long accountKey, String name) {
		List<Agreed> found = this.jdbc.query(
				"SELECT name, threshold_value, agreed_on, note FROM account_thresholds WHERE account_id = ? AND name = ?",
				(rs, row) -> new Agreed(rs.getString(1), rs.getBigDecimal(2), date(rs.getDate(3)), rs.getString(4)),
				accountKey, name);
		return found.stream().findFirst();
	}

	private static LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	/**
	 * A value agreed with a customer.
	 *
	 * @param agreedOn when, or null when not recorded
	 * @param note why, or null
	 */
	public record Agreed(String name, BigDecimal value, LocalDate agreedOn, String note) {

	}

}
