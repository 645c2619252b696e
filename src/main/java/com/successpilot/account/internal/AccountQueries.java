package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.system.Page;
import com.successpilot.system.Paging;
import com.successpilot.system.SqlConditions;

/**
 * Reads accounts for the API. The renewal date is defined as in the metrics step: the
 * earliest end date of the contracts active on the reference date ({@code status =
 * 'active'}, started on or before it, ending on or after it), and ARR is their sum. The
 * health is the account's newest {@code health_scores} row.
 */
@Repository
class AccountQueries {

	private static final String COLUMNS = """
			SELECT a.id, a.external_id, a.name, a.segment, a.industry, a.lifecycle_stage, a.start_date, a.go_live_date,
			  a.csm_id, c.name AS csm_name, c.email AS csm_email, k.arr, k.currency, k.renewal_date,
			  h.run_date AS health_date, h.overall_score, h.grade, h.outcome_score, h.experience_score, h.drag,
			  h.rules_version,
			  (SELECT COUNT(*) FROM tasks t WHERE t.account_id = a.id AND t.status = 'OPEN') AS open_tasks,
			  (SELECT COUNT(*) FROM tasks t WHERE t.account_id = a.id AND t.status = 'SNOOZED') AS snoozed_tasks
			""";

	/** The accounts, to which the joins below add at most one row each. */
	static final String ACCOUNTS = """
			FROM accounts a
			""";

	static final String CSM = """
			LEFT JOIN csms c ON c.id = a.csm_id
			""";

	/** The contracts active on {@code :asOf}: ARR and the renewal date. */
	static final String CONTRACTS = """
			LEFT JOIN (
			  SELECT account_id, SUM(arr) AS arr, MAX(currency) AS currency, MIN(end_date) AS renewal_date
			  FROM contracts
			  WHERE status = 'active' AND start_date <= :asOf AND end_date >= :asOf
			  GROUP BY account_id
			) k ON k.account_id = a.id
			""";

	/** The newest health score. */
	static final String HEALTH = """
			LEFT JOIN health_scores h ON h.account_id = a.id
			  AND h.run_date = (SELECT MAX(l.run_date) FROM health_scores l WHERE l.account_id = a.id)
			""";

	static final String FROM = ACCOUNTS + CSM + CONTRACTS + HEALTH;

	private final NamedParameterJdbcTemplate jdbc;

	AccountQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the accounts matching the filter, by name (then id, so pages are stable).
	 */
	Page<AccountSummary> list(AccountFilter filter, Paging paging) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("asOf", filter.asOf())
			.addValue("limit", paging.size())
			.addValue("offset", paging.offset());
		String where = new SqlConditions(parameters).and("a.csm_id = :scope", "scope", filter.scopeCsm())
			.and("a.csm_id = :csmId", "csmId", filter.csmId())
			.and("LOWER(c.email) = LOWER(:csmEmail)", "csmEmail", filter.csmEmail())
			.and("LOWER(a.segment) = LOWER(:segment)", "segment", filter.segment())
			.and("UPPER(h.grade) = UPPER(:grade)", "grade", filter.grade())
			.and("k.renewal_date <= :renewalBy", "renewalBy", filter.renewalBy())
			.and("(LOWER(a.name) LIKE :q ESCAPE '!' OR LOWER(a.external_id) LIKE :q ESCAPE '!')", "q",
					filter.namePattern())
			.toString();
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) " + FROM + where, parameters, Long.class);
		List<AccountSummary> items = this.jdbc.query(
				COLUMNS + FROM + where + "ORDER BY a.name, a.id LIMIT :limit OFFSET :offset", parameters,
				(rs, row) -> summary(rs, filter.asOf()));
		return paging.of(items, (total != null) ? total : 0);
	}

	Optional<AccountSummary> find(long accountKey, LocalDate asOf) {
		return this.jdbc
			.query(COLUMNS + FROM + "WHERE a.id = :id",
					new MapSqlParameterSource("id", accountKey).addValue("asOf", asOf), (rs, row) -> summary(rs, asOf))
			.stream()
			.findFirst();
	}

	/**
	 * All the account's contracts, the latest ending first.
	 */
	List<Contract> contracts(long accountKey) {
		return this.jdbc.query("""
				SELECT id, external_id, product, start_date, end_date, arr, currency, licensed_seats, auto_renew, status
				FROM contracts WHERE account_id = :account ORDER BY end_date DESC, id DESC
				""", new MapSqlParameterSource("account", accountKey),
				(rs, row) -> new Contract(rs.getLong("id"), rs.getString("external_id"), rs.getString("product"),
						date(rs, "start_date"), date(rs, "end_date"), rs.getBigDecimal("arr"), rs.getString("currency"),
						rs.getInt("licensed_seats"), rs.getBoolean("auto_renew"), rs.getString("status")));
	}

	/**
	 * The account's health per run date, newest first.
	 */
	List<Health> healthHistory(long accountKey, int limit) {
		return this.jdbc.query(
				"""
						SELECT run_date AS health_date, overall_score, grade, outcome_score, experience_score, drag, rules_version
						FROM health_scores WHERE account_id = :account ORDER BY run_date DESC LIMIT :limit
						""",
				new MapSqlParameterSource("account", accountKey).addValue("limit", limit), (rs, row) -> health(rs));
	}

	private static AccountSummary summary(ResultSet rs, LocalDate asOf) throws SQLException {
		Long csmId = rs.getObject("csm_id", Long.class);
		LocalDate renewal = date(rs, "renewal_date");
		BigDecimal arr = rs.getBigDecimal("arr");
		return new AccountSummary(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
				rs.getString("segment"), rs.getString("industry"), rs.getString("lifecycle_stage"),
				date(rs, "start_date"), date(rs, "go_live_date"),
				(csmId != null) ? new AccountSummary.Csm(csmId, rs.getString("csm_name"), rs.getString("csm_email"))
						: null,
				arr, rs.getString("currency"), renewal,
				(renewal != null) ? (int) ChronoUnit.DAYS.between(asOf, renewal) : null,
				(rs.getDate("health_date") != null) ? health(rs) : null, rs.getInt("open_tasks"),
				rs.getInt("snoozed_tasks"));
	}

	private static Health health(ResultSet rs) throws SQLException {
		return new Health(date(rs, "health_date"), rs.getBigDecimal("overall_score"), rs.getString("grade"),
				rs.getBigDecimal("outcome_score"), rs.getBigDecimal("experience_score"), rs.getString("drag"),
				rs.getString("rules_version"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

}
