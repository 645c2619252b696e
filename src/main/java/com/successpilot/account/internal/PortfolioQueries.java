package com.successpilot.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.system.Page;
import com.successpilot.system.Paging;
import com.successpilot.system.SqlConditions;

/**
 * Reads the portfolio and renewals pages: the accounts with their latest health and the
 * one of the run before (the trend), their active contracts (ARR, renewal date, as
 * {@link AccountQueries} defines them), open tasks and, for renewals, the latest task of
 * a renewal playbook. Filters and sort come checked from {@link PortfolioRequest}; values
 * are bound as parameters, never concatenated.
 */
@Repository
class PortfolioQueries {

	private static final String COLUMNS = """
			SELECT a.id, a.external_id, a.name, a.segment, a.lifecycle_stage, a.csm_id, c.name AS csm_name,
			  k.arr, k.currency, k.renewal_date, h.grade, h.overall_score, p.overall_score AS previous_score,
			  COALESCE(o.open_tasks, 0) AS open_tasks
			""";

	private static final String RENEWAL_TASK = """
			, r.id AS renewal_task_id, r.playbook AS renewal_playbook, r.status AS renewal_status
			""";

	/** The health score of the run before the newest (the trend). */
	private static final String PREVIOUS_HEALTH = """
			LEFT JOIN health_scores p ON p.account_id = a.id
			  AND p.run_date = (SELECT MAX(l.run_date) FROM health_scores l WHERE l.account_id = a.id
			    AND l.run_date < h.run_date)
			""";

	private static final String OPEN_TASKS = """
			LEFT JOIN (
			  SELECT account_id, COUNT(*) AS open_tasks FROM tasks WHERE status = 'OPEN' GROUP BY account_id
			) o ON o.account_id = a.id
			""";

	/**
	 * The accounts with their current contracts and latest health, as the accounts API
	 * reads them; then the score before it and the open tasks.
	 */
	private static final String FROM = AccountQueries.FROM + PREVIOUS_HEALTH + OPEN_TASKS;

	private static final Map<String, Pattern> ALIASES = Map.of("c", alias("c"), "k", alias("k"), "h", alias("h"), "p",
			alias("p"), "o", alias("o"));

	private static final String RENEWAL_JOIN = """
			LEFT JOIN tasks r ON r.id = (SELECT MAX(t.id) FROM tasks t WHERE t.account_id = a.id
			  AND t.task_type = 'renewal')
			""";

	private final NamedParameterJdbcTemplate jdbc;

	PortfolioQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page in three short queries rather than one long one: the count and the page's
	 * accounts in order, each with only the joins its conditions and order need, then
	 * everything shown for just those accounts.
	 */
	Page<PortfolioRow> page(PortfolioRequest request, Paging paging) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = where(request, parameters);
		String order = request.orderBy();
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) " + from(where) + where, parameters, Long.class);
		parameters.addValue("limit", paging.size()).addValue("offset", paging.offset());
		List<Long> ids = this.jdbc.queryForList(
				"SELECT a.id " + from(where + order) + where + order + "LIMIT :limit OFFSET :offset", parameters,
				Long.class);
		Map<Long, PortfolioRow> rows = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(COLUMNS + FROM + "WHERE a.id IN (:ids)\n",
					new MapSqlParameterSource("asOf", request.filter().asOf()).addValue("ids", ids),
					(RowCallbackHandler) (rs) -> {
						PortfolioRow row = row(rs, request.filter().asOf(), false);
						rows.put(row.id(), row);
					});
		}
		return paging.of(ids.stream().map(rows::get).filter(Objects::nonNull).toList(), (total != null) ? total : 0);
	}

	/**
	 * {@code FROM} with only the joins this SQL refers to (by their aliases). Each join
	 * adds at most one row per account, so leaving one out changes neither a count nor an
	 * order that does not use it.
	 */
	static String from(String sql) {
		boolean previous = ALIASES.get("p").matcher(sql).find();
		StringBuilder from = new StringBuilder(AccountQueries.ACCOUNTS);
		if (ALIASES.get("c").matcher(sql).find()) {
			from.append(AccountQueries.CSM);
		}
		if (ALIASES.get("k").matcher(sql).find()) {
			from.append(AccountQueries.CONTRACTS);
		}
		if (previous || ALIASES.get("h").matcher(sql).find()) {
			from.append(AccountQueries.HEALTH);
		}
		if (previous) {
			from.append(PREVIOUS_HEALTH);
		}
		if (ALIASES.get("o").matcher(sql).find()) {
			from.append(OPEN_TASKS);
		}
		return from.toString();
	}

	private static Pattern alias(String alias) {
		return Pattern.compile("\\b" + alias + "\\.");
	}

	/**
	 * Every account the request matches, in its order, one at a time (the CSV).
	 */
	void each(PortfolioRequest request, Consumer<PortfolioRow> consumer) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String sql = COLUMNS + FROM + where(request, parameters) + request.orderBy();
		this.jdbc.query(sql, parameters,
				(RowCallbackHandler) (rs) -> consumer.accept(row(rs, request.filter().asOf(), false)));
	}

	/**
	 * The accounts renewing from today to {@code today + days}, soonest first, with the
	 * latest task of a renewal playbook.
	 */
	List<PortfolioRow> renewals(Long scope, Long csmId, LocalDate today, int days) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("asOf", today);
		String where = new SqlConditions(parameters)
			.and("k.renewal_date <= :renewalBy", "renewalBy", today.plusDays(days))
			.and("a.csm_id = :scope", "scope", scope)
			.and("a.csm_id = :csmId", "csmId", csmId)
			.toString();
		return this.jdbc.query(
				COLUMNS + RENEWAL_TASK + FROM + RENEWAL_JOIN + where + "ORDER BY k.renewal_date, a.name, a.id",
				parameters, (rs, row) -> row(rs, today, true));
	}

	/**
	 * The values the filters offer: segments, lifecycle stages (of the accounts a user
	 * may see) and CSMs.
	 */
	List<String> segments() {
		return this.jdbc.queryForList("SELECT DISTINCT segment FROM accounts ORDER BY segment",
				new MapSqlParameterSource(), String.class);
	}

	List<String> stages() {
		return this.jdbc.queryForList("SELECT DISTINCT lifecycle_stage FROM accounts ORDER BY lifecycle_stage",
				new MapSqlParameterSource(), String.class);
	}

	List<CsmOption> csms() {
		return this.jdbc.query("SELECT id, name FROM csms ORDER BY name, id", new MapSqlParameterSource(),
				(rs, row) -> new CsmOption(rs.getLong("id"), rs.getString("name")));
	}

	private static String where(PortfolioRequest request, MapSqlParameterSource parameters) {
		AccountFilter filter = request.filter();
		parameters.addValue("asOf", filter.asOf());
		return new SqlConditions(parameters).and("a.csm_id = :scope", "scope", filter.scopeCsm())
			.and("a.csm_id = :csmId", "csmId", filter.csmId())
			.and("LOWER(c.email) = LOWER(:csmEmail)", "csmEmail", filter.csmEmail())
			.and("a.segment = :segment", "segment", filter.segment())
			.and("a.lifecycle_stage = :stage", "stage", request.stage())
			.and("UPPER(h.grade) = :grade", "grade", filter.grade())
			.and("k.renewal_date <= :renewalBy", "renewalBy", filter.renewalBy())
			.and("(LOWER(a.name) LIKE :q ESCAPE '!' OR LOWER(a.external_id) LIKE :q ESCAPE '!')", "q",
					filter.namePattern())
			.toString();
	}

	private static PortfolioRow row(ResultSet rs, LocalDate asOf, boolean renewalTask) throws SQLException {
		java.sql.Date renewal = rs.getDate("renewal_date");
		LocalDate renewalDate = (renewal != null) ? renewal.toLocalDate() : null;
		return new PortfolioRow(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
				rs.getString("segment"), rs.getString("lifecycle_stage"), rs.getObject("csm_id", Long.class),
				rs.getString("csm_name"), rs.getBigDecimal("arr"), rs.getString("currency"), renewalDate,
				(renewalDate != null) ? (int) ChronoUnit.DAYS.between(asOf, renewalDate) : null, rs.getString("grade"),
				rs.getBigDecimal("overall_score"), rs.getBigDecimal("previous_score"), rs.getInt("open_tasks"),
				renewalTask ? rs.getObject("renewal_task_id", Long.class) : null,
				renewalTask ? rs.getString("renewal_playbook") : null,
				renewalTask ? rs.getString("renewal_status") : null);
	}

	/**
	 * A CSM the OPS filter offers.
	 */
	record CsmOption(long id, String name) {

	}

}
