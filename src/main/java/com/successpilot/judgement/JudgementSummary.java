package com.successpilot.judgement;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.run.RunSummarySection;

/**
 * The judgement part of a run summary: tasks per playbook, the health grades, rule errors
 * and the rules version.
 */
@Component
@Order(10)
class JudgementSummary implements RunSummarySection {

	private final NamedParameterJdbcTemplate jdbc;

	JudgementSummary(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void print(JobExecution execution, PrintStream out) {
		long run = execution.getJobInstance().getInstanceId();
		MapSqlParameterSource parameters = new MapSqlParameterSource("run", run);
		List<Map<String, Object>> playbooks = this.jdbc.queryForList("""
				SELECT playbook, SUM(CASE WHEN created_run = :run THEN 1 ELSE 0 END) AS raised,
				  SUM(CASE WHEN status IN ('OPEN', 'SNOOZED') THEN 1 ELSE 0 END) AS still_open,
				  SUM(CASE WHEN status = 'QUEUED' THEN 1 ELSE 0 END) AS held_back
				FROM tasks WHERE last_seen_run = :run AND status IN ('OPEN', 'SNOOZED', 'QUEUED')
				GROUP BY playbook ORDER BY playbook
				""", parameters);
		List<Map<String, Object>> grades = this.jdbc.queryForList(
				"SELECT grade, COUNT(*) AS accounts FROM health_scores WHERE run_id = :run GROUP BY grade ORDER BY grade",
				parameters);
		if (playbooks.isEmpty() && grades.isEmpty()) {
			return;
		}
		out.println("\nTasks by playbook                   new   with the CSM   held back");
		for (Map<String, Object> row : playbooks) {
			out.printf("  %-32s %6d %14d %11d%n", row.get("playbook"), ((Number) row.get("raised")).longValue(),
					((Number) row.get("still_open")).longValue(), ((Number) row.get("held_back")).longValue());
		}
		out.print("\nHealth grades: ");
		out.println(
				String.join(", ", grades.stream().map((row) -> row.get("grade") + " " + row.get("accounts")).toList()));
		printRules(parameters, out);
	}

	private void printRules(MapSqlParameterSource parameters, PrintStream out) {
		List<String> versions = this.jdbc.queryForList(
				"SELECT DISTINCT rules_version FROM rule_firings WHERE run_id = :run", parameters, String.class);
		List<Map<String, Object>> errors = this.jdbc.queryForList("""
				SELECT a.external_id, e.rule_name, e.message FROM rule_errors e JOIN accounts a ON a.id = e.account_id
				WHERE e.run_id = :run ORDER BY a.external_id
				""", parameters);
		out.println("Rules version: " + String.join(", ", versions));
		this.jdbc
			.queryForList(
					"SELECT last_good_because FROM judged_runs WHERE run_id = :run AND last_good_because IS NOT NULL",
					parameters, String.class)
			.forEach((because) -> out.println("WARNING: " + because));
		List<String> silent = this.jdbc.queryForList(
				"SELECT rule_name FROM rule_firings WHERE run_id = :run AND fired = 0 ORDER BY rule_name", parameters,
				String.class);
		if (!silent.isEmpty()) {
			out.println("Rules that fired for no account: " + silent.size() + " ("
					+ String.join(", ", silent.subList(0, Math.min(5, silent.size())))
					+ ((silent.size() > 5) ? ", …" : "") + ")");
		}
		if (errors.isEmpty()) {
			out.println("Rule errors: none");
			return;
		}
		out.println("Rule errors: " + errors.size() + " (the run completed; these accounts were judged without them)");
		errors.stream()
			.limit(10)
			.forEach((error) -> out.printf("  %s: rule \"%s\": %s%n", error.get("external_id"), error.get("rule_name"),
					error.get("message")));
	}

}
