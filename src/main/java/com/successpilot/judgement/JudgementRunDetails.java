package com.successpilot.judgement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.run.RunDetailSection;

/**
 * The judgement part of a run's detail in the API: how often each rule fired (every rule
 * of the set, those that fired zero times included), whether the night ran on the last
 * good version and why, the rule errors per rule and account (the first 200), the tasks
 * raised and auto-closed and the accounts scored — all attempts of the run together.
 */
@Component
@Order(10)
class JudgementRunDetails extends RunDetailSection {

	private final NamedParameterJdbcTemplate jdbc;

	JudgementRunDetails(NamedParameterJdbcTemplate jdbc) {
		// any judgement step: the nightly or the renewal one
		super("judgement", (step) -> step.endsWith("JudgementStep"));
		this.jdbc = jdbc;
	}

	@Override
	protected Object describe(long runId) {
		MapSqlParameterSource run = new MapSqlParameterSource("run", runId);
		List<Map<String, Object>> firings = this.jdbc.queryForList("""
				SELECT rule_name, fired FROM rule_firings WHERE run_id = :run ORDER BY fired DESC, rule_name
				""", run);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("rulesVersions",
				this.jdbc.queryForList(
						"SELECT DISTINCT rules_version FROM rule_firings WHERE run_id = :run ORDER BY rules_version",
						run, String.class));
		details.put("lastGood", this.jdbc.queryForList("""
				SELECT step_name, rules_version, last_good_because FROM judged_runs
				WHERE run_id = :run AND last_good_because IS NOT NULL ORDER BY step_name
				""", run).stream().map(JudgementRunDetails::lastGood).toList());
		details.put("ruleFirings", firings.stream().map(JudgementRunDetails::firing).toList());
		details.put("ruleErrors", count("SELECT COUNT(*) FROM rule_errors WHERE run_id = :run", run));
		details.put("ruleErrorsByRule", this.jdbc.queryForList("""
				SELECT rule_name, COUNT(*) AS accounts FROM rule_errors WHERE run_id = :run
				GROUP BY rule_name ORDER BY accounts DESC, rule_name
				""", run)
			.stream()
			.map((row) -> Map.of("rule", row.get("rule_name"), "accounts", ((Number) row.get("accounts")).longValue()))
			.toList());
		details.put("ruleErrorList", this.jdbc.queryForList("""
				SELECT e.rule_name, a.external_id, e.message FROM rule_errors e JOIN accounts a ON a.id = e.account_id
				WHERE e.run_id = :run ORDER BY e.rule_name, a.external_id LIMIT 200
				""", run).stream().map(JudgementRunDetails::error).toList());
		details.put("tasksRaised", count("SELECT COUNT(*) FROM tasks WHERE created_run = :run", run));
		details.put("tasksAutoClosed",
				count("SELECT COUNT(*) FROM tasks WHERE changed_run = :run AND status = 'AUTO_CLOSED'", run));
		details.put("accountsScored", count("SELECT COUNT(*) FROM health_scores WHERE run_id = :run", run));
		return details;
	}

	private long count(String sql, MapSqlParameterSource parameters) {
		Long count = this.jdbc.queryForObject(sql, parameters, Long.class);
		return (count != null) ? count : 0;
	}

	private static Map<String, Object> lastGood(Map<String, Object> row) {
		Map<String, Object> lastGood = new LinkedHashMap<>();
		lastGood.put("step", row.get("step_name"));
		lastGood.put("rulesVersion", row.get("rules_version"));
		lastGood.put("because", row.get("last_good_because"));
		return lastGood;
	}

	private static Map<String, Object> error(Map<String, Object> row) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("rule", row.get("rule_name"));
		error.put("account", row.get("external_id"));
		error.put("message", row.get("message"));
		return error;
	}

	private static Map<String, Object> firing(Map<String, Object> row) {
		Map<String, Object> firing = new LinkedHashMap<>();
		firing.put("rule", row.get("rule_name"));
		firing.put("fired", ((Number) row.get("fired")).longValue());
		return firing;
	}

}
