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
 * The judgement part of a run's detail in the API: how often each rule fired, the rule
 * errors, the tasks raised and auto-closed and the accounts scored — all attempts of the
 * run together.
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
		details.put("ruleFirings", firings.stream().map(JudgementRunDetails::firing).toList());
		details.put("ruleErrors", count("SELECT COUNT(*) FROM rule_errors WHERE run_id = :run", run));
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

	private static Map<String, Object> firing(Map<String, Object> row) {
		Map<String, Object> firing = new LinkedHashMap<>();
		firing.put("rule", row.get("rule_name"));
		firing.put("fired", ((Number) row.get("fired")).longValue());
		return firing;
	}

}
