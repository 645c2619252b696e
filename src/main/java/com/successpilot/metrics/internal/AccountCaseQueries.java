package com.successpilot.metrics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.playbook.ReaderLanguages;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.Threshold;

/**
 * Reads account facts, goal progress and thresholds for a page of accounts, and turns the
 * stored sums into the averages, trends and day counts rule authors work with.
 */
@Repository
public class AccountCaseQueries {

	private static final String FACTS_PAGE = """
			SELECT f.*, a.external_id, a.name AS account_name, a.segment, a.industry, a.lifecycle_stage,
			  a.start_date, a.go_live_date, a.csm_id, c.email AS csm_email, c.name AS csm_name,
			  c.language AS csm_language
			FROM account_facts f
			JOIN accounts a ON a.id = f.account_id
			LEFT JOIN csms c ON c.id = a.csm_id
			WHERE f.run_date = :runDate AND f.account_id > :after AND f.account_id <= :upTo
			  AND (:renewalWithin < 0 OR (f.renewal_date IS NOT NULL AND f.renewal_date <= :renewalBy))
			ORDER BY f.account_id
			LIMIT :pageSize
			""";

	private static final String LATEST_FACTS = """
			SELECT f.*, a.external_id, a.name AS account_name, a.segment, a.industry, a.lifecycle_stage,
			  a.start_date, a.go_live_date, a.csm_id, c.email AS csm_email, c.name AS csm_name,
			  c.language AS csm_language
			FROM account_facts f
			JOIN accounts a ON a.id = f.account_id
			LEFT JOIN csms c ON c.id = a.csm_id
			WHERE f.account_id = :account
			  AND f.run_date = (SELECT MAX(l.run_date) FROM account_facts l WHERE l.account_id = :account)
			""";

	private static final String GOALS = """
			SELECT g.account_id, g.external_id, g.name, g.metric, g.unit, g.baseline, g.target, g.due_date,
			  p.period, p.period_start, p.period_end, p.target AS period_target, p.actual AS period_actual
			FROM success_goals g
			LEFT JOIN goal_periods p ON p.goal_id = g.id AND p.period_start <= :runDate
			WHERE g.account_id IN (:accounts)
			ORDER BY g.id, p.period_start
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ReaderLanguages languages;

	AccountCaseQueries(NamedParameterJdbcTemplate jdbc, ReaderLanguages languages) {
		this.jdbc = jdbc;
		this.languages = languages;
	}

	/**
	 * One page of facts, in account order, after the given account.
	 * @param renewalWithinDays only accounts renewing within this many days, or -1 for
	 * all
	 */
	List<FactsRow> factsPage(LocalDate runDate, long afterAccount, long upToAccount, int pageSize,
			int renewalWithinDays) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("runDate", runDate).addValue("after", afterAccount)
			.addValue("upTo", upToAccount)
			.addValue("pageSize", pageSize)
			.addValue("renewalWithin", renewalWithinDays)
			.addValue("renewalBy", runDate.plusDays(Math.max(renewalWithinDays, 0)));
		return this.jdbc.query(FACTS_PAGE, parameters, (rs, row) -> new FactsRow(rs.getLong("account_id"),
				(Long) rs.getObject("csm_id", Long.class), facts(rs, runDate, this.languages)));
	}

	/**
	 * The facts of one account from its newest run date, exactly as the rules saw them;
	 * empty before its first run.
	 */
	public Optional<AccountFacts> latestFacts(long accountKey) {
		return this.jdbc
			.query(LATEST_FACTS, new MapSqlParameterSource("account", accountKey),
					(rs, row) -> facts(rs, date(rs, "run_date"), this.languages))
			.stream()
			.findFirst();
	}

	/**
	 * Segment defaults: segment → threshold name → value.
	 */
	Map<String, Map<String, Double>> segmentThresholds() {
		Map<String, Map<String, Double>> bySegment = new HashMap<>();
		this.jdbc.query("SELECT segment, name, threshold_value FROM segment_thresholds", (rs) -> {
			bySegment.computeIfAbsent(rs.getString(1), (segment) -> new LinkedHashMap<>())
				.put(rs.getString(2), rs.getDouble(3));
		});
		return bySegment;
	}

	/**
	 * Values agreed with each customer: account id → threshold name → value.
	 */
	Map<Long, Map<String, Double>> accountThresholds(Collection<Long> accounts) {
		Map<Long, Map<String, Double>> byAccount = new HashMap<>();
		this.jdbc.query(
				"SELECT account_id, name, threshold_value FROM account_thresholds WHERE account_id IN (:accounts)",
				new MapSqlParameterSource("accounts", accounts), (rs) -> {
					byAccount.computeIfAbsent(rs.getLong(1), (account) -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getDouble(3));
				});
		return byAccount;
	}

	/**
	 * When and why each value was agreed with the customer: account id → threshold name →
	 * provenance, for the task's evidence.
	 */
	Map<Long, Map<String, Agreement>> agreements(Collection<Long> accounts) {
		Map<Long, Map<String, Agreement>> byAccount = new HashMap<>();
		this.jdbc.query(
				"SELECT account_id, name, agreed_on, note FROM account_thresholds WHERE account_id IN (:accounts)",
				new MapSqlParameterSource("accounts", accounts), (rs) -> {
					byAccount.computeIfAbsent(rs.getLong(1), (account) -> new HashMap<>())
						.put(rs.getString(2), new Agreement(date(rs, "agreed_on"), rs.getString(4)));
				});
		return byAccount;
	}

	/**
	 * The progress of every goal of the given accounts: account id → goals.
	 */
	Map<Long, List<GoalProgress>> goals(Collection<Long> accounts, Map<Long, String> externalIds, LocalDate runDate) {
		Map<String, GoalPeriods> byGoal = new LinkedHashMap<>();
		this.jdbc.query(GOALS, new MapSqlParameterSource("accounts", accounts).addValue("runDate", runDate), (rs) -> {
			GoalPeriods goal = byGoal.computeIfAbsent(rs.getString("external_id"),
					(id) -> new GoalPeriods(rs, externalIds));
			goal.addPeriod(rs);
		});
		Map<Long, List<GoalProgress>> byAccount = new HashMap<>();
		byGoal.values()
			.forEach((goal) -> byAccount.computeIfAbsent(goal.accountKey, (key) -> new ArrayList<>())
				.add(goal.progress(runDate)));
		return byAccount;
	}

	private static AccountFacts facts(ResultSet rs, LocalDate runDate, ReaderLanguages languages) throws SQLException {
		int seats = rs.getInt("licensed_seats");
		LocalDate renewal = date(rs, "renewal_date");
		LocalDate goLive = date(rs, "go_live_date");
		LocalDate lastLogin = date(rs, "last_login_date");
		LocalDate lastMilestone = date(rs, "last_value_milestone_date");
		Integer latestNps = (Integer) rs.getObject("latest_nps", Integer.class);
		Integer previousNps = (Integer) rs.getObject("previous_nps", Integer.class);
		BigDecimal csat = rs.getBigDecimal("avg_csat_90d");
		boolean hasEarlierUsage = rs.getInt("usage_days_prev30") > 0;
		return AccountFacts.builder()
			.accountId(rs.getString("external_id"))
			.accountName(rs.getString("account_name"))
			.segment(rs.getString("segment"))
			.industry(rs.getString("industry"))
			.lifecycleStage(rs.getString("lifecycle_stage"))
			.csmEmail(rs.getString("csm_email"))
			.csmName(rs.getString("csm_name"))
			.csmLanguage(languages.languageOf(rs.getString("csm_language")))
			.runDate(runDate)
			.daysSinceStart(daysBetween(date(rs, "start_date"), runDate))
			.daysSinceGoLive((goLive != null && !goLive.isAfter(runDate)) ? daysBetween(goLive, runDate) : null)
			.arr(rs.getBigDecimal("arr"))
			.currency(rs.getString("currency"))
			.licensedSeats(seats)
			.daysToRenewal((renewal != null) ? daysBetween(runDate, renewal) : null)
			.autoRenew(rs.getBoolean("auto_renew"))
			.activeUsers7d(rs.getLong("active_users_sum_7d") / 7.0)
			.activeUsers30d(rs.getLong("active_users_sum_30d") / 30.0)
			.activeUsers90d(rs.getLong("active_users_sum_90d") / 90.0)
			.logins7d(rs.getLong("logins_7d"))
			.logins30d(rs.getLong("logins_30d"))
			.logins90d(rs.getLong("logins_90d"))
			.activeUsersTrendPct(hasEarlierUsage
					? trend(rs.getLong("active_users_sum_30d"), rs.getLong("active_users_sum_prev30")) : null)
			.loginsTrendPct(hasEarlierUsage ? trend(rs.getLong("logins_30d"), rs.getLong("logins_prev30")) : null)
			.seatUtilisationPct((seats > 0) ? round(rs.getInt("peak_active_users_30d") * 100.0 / seats) : 0)
			.daysSinceLastLogin((lastLogin != null) ? daysBetween(lastLogin, runDate) : null)
			.daysSinceLastValueMilestone((lastMilestone != null) ? daysBetween(lastMilestone, runDate) : null)
			.valueMilestonesSinceStart(rs.getInt("value_milestones_since_start"))
			.valueMilestones30d(rs.getInt("value_milestones_30d"))
			.keyEvents30d(rs.getLong("key_events_30d"))
			.openTickets(rs.getInt("open_tickets"))
			.escalatedOpenTickets(rs.getInt("escalated_open_tickets"))
			.ticketsOpened30d(rs.getInt("tickets_opened_30d"))
			.escalations30d(rs.getInt("escalations_30d"))
			.avgCsat90d((csat != null) ? round(csat.doubleValue()) : null)
			.latestNps(latestNps)
			.latestNpsRole(rs.getString("latest_nps_role"))
			.previousNps(previousNps)
			.npsChange((latestNps != null && previousNps != null) ? latestNps - previousNps : null)
			.latestNpsResponseId(rs.getString("latest_nps_response_id"))
			.latestNpsAnsweredOn(date(rs, "latest_nps_answered_on"))
			.latestEscalationTicketId(rs.getString("latest_escalation_ticket_id"))
			.latestEscalationOpenedOn(date(rs, "latest_escalation_opened_on"))
			.build();
	}

	private static Double trend(long current, long previous) {
		return (previous == 0) ? null : round((current - previous) * 100.0 / previous);
	}

	private static double round(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

	static int daysBetween(LocalDate from, LocalDate to) {
		return (int) ChronoUnit.DAYS.between(from, to);
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	/**
	 * When a threshold was agreed with the customer and why (both may be unknown).
	 */
	record Agreement(LocalDate agreedOn, String note) {

	}

	/**
	 * An account's facts with its database keys.
	 */
	record FactsRow(long accountKey, Long csmKey, AccountFacts facts) {

	}

}
