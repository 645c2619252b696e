package com.successpilot.judgement.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import com.successpilot.system.ColumnText;
import com.successpilot.system.MultiRowStatement;
import com.successpilot.rules.RuleError;
import com.successpilot.rules.facts.HealthScore;

/**
 * Health scores per account and run date, rule firing counts and rule errors per run.
 * Written in the chunk transaction of the accounts they describe.
 */
@Repository
class JudgementRecords {

	private final NamedParameterJdbcTemplate jdbc;

	JudgementRecords(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void saveHealth(List<HealthRow> scores, LocalDate runDate, long run, String rulesVersion) {
		if (scores.isEmpty()) {
			return;
		}
		new MultiRowStatement<HealthRow>("""
				INSERT INTO health_scores (account_id, run_date, outcome_score, experience_score, overall_score, grade,
				  drag, rules_version, run_id)
				VALUES""", "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
				"""
						ON DUPLICATE KEY UPDATE outcome_score = VALUES(outcome_score), experience_score = VALUES(experience_score),
						  overall_score = VALUES(overall_score), grade = VALUES(grade), drag = VALUES(drag),
						  rules_version = VALUES(rules_version), run_id = VALUES(run_id)
						""",
				1000, (row) -> 100 + ((row.score().getDrag() != null) ? row.score().getDrag().length() : 0),
				(values, row) -> values.add(row.accountKey())
					.add(runDate)
					.add(row.score().getOutcome())
					.add(row.score().getExperience())
					.add(row.score().getOverall())
					.add(row.score().getGrade())
					.add(row.score().getDrag())
					.add(rulesVersion)
					.add(run))
			.write(this.jdbc.getJdbcOperations(), scores);
	}

	/**
	 * Each account's overall health score on a date, or the latest of the week before it
	 * (a night may have been skipped); none for an account not scored then.
	 */
	Map<Long, Double> healthOn(List<Long> accounts, LocalDate date) {
		Map<Long, Double> scores = new HashMap<>();
		if (accounts.isEmpty()) {
			return scores;
		}
		// in date order, so the latest score of each account is the one kept
		this.jdbc.query("""
				SELECT account_id, overall_score FROM health_scores
				WHERE account_id IN (:accounts) AND run_date BETWEEN :from AND :date
				ORDER BY run_date
				""", new MapSqlParameterSource("accounts", accounts).addValue("from", date.minusDays(7))
			.addValue("date", date), (rs) -> {
				scores.put(rs.getLong("account_id"), rs.getDouble("overall_score"));
			});
		return scores;
	}

	void addFirings(Map<String, Integer> firings, long run, String rulesVersion) {
		if (firings.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"""
						INSERT INTO rule_firings (run_id, rule_name, fired, rules_version) VALUES (:run, :rule, :fired, :version)
						ON DUPLICATE KEY UPDATE fired = fired + VALUES(fired)
						""",
				firings.entrySet()
					.stream()
					.map((firing) -> new MapSqlParameterSource("run", run).addValue("rule", firing.getKey())
						.addValue("fired", firing.getValue())
						.addValue("version", rulesVersion))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Records the version a judgement step of a run is pinned to — and why, when it is
	 * the last good version standing in for broken files — and a firing count of zero for
	 * every rule of the set, so rules that never fire show in the run's report.
	 */
	void pinned(long run, LocalDate runDate, String stepName, String rulesVersion, List<String> ruleNames,
			String lastGoodBecause, LocalDateTime at) {
		MapSqlParameterSource pin = new MapSqlParameterSource("run", run).addValue("step", stepName)
			.addValue("runDate", runDate)
			.addValue("version", rulesVersion)
			.addValue("at", at)
			.addValue("because", (lastGoodBecause != null) ? ColumnText.fit(lastGoodBecause, 2000) : null);
		if (this.jdbc.update("""
				UPDATE judged_runs SET rules_version = :version, last_good_because = :because
				WHERE run_id = :run AND step_name = :step
				""", pin) == 0) {
			this.jdbc.update("""
					INSERT INTO judged_runs (run_id, step_name, run_date, rules_version, pinned_at, last_good_because)
					VALUES (:run, :step, :runDate, :version, :at, :because)
					""", pin);
		}
		this.jdbc.batchUpdate("""
				INSERT INTO rule_firings (run_id, rule_name, fired, rules_version) VALUES (:run, :rule, 0, :version)
				ON DUPLICATE KEY UPDATE fired = fired
				""",
				ruleNames.stream()
					.map((rule) -> new MapSqlParameterSource("run", run).addValue("rule", ColumnText.fit(rule, 300))
						.addValue("version", rulesVersion))
					.toArray(SqlParameterSource[]::new));
	}

	void saveErrors(List<ErrorRow> errors, long run) {
		if (errors.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"""
						INSERT INTO rule_errors (run_id, account_id, rule_name, message) VALUES (:run, :account, :rule, :message)
						ON DUPLICATE KEY UPDATE message = VALUES(message)
						""",
				errors.stream()
					.map((row) -> new MapSqlParameterSource("run", run).addValue("account", row.accountKey())
						.addValue("rule", ColumnText.fit(row.error().rule(), 300))
						.addValue("message", ColumnText.fit(String.valueOf(row.error().message()), 2000)))
					.toArray(SqlParameterSource[]::new));
	}

	record HealthRow(long accountKey, HealthScore score) {

	}

	record ErrorRow(long accountKey, RuleError error) {

	}

}
