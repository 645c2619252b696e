package com.successpilot.judgement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.system.InputProblem;

/**
 * {@code GET /api/rules/firings} (OPS): how often each rule fired, night by night — every
 * rule of the set the night was judged with, those that fired for no account included —
 * so CS ops see a rule that stopped firing or started firing for everyone.
 */
@Tag(name = "rules")
@RestController
@RequestMapping("/api/rules/firings")
class RuleFiringsController {

	private static final int MAX_NIGHTS = 400;

	private final NamedParameterJdbcTemplate jdbc;

	RuleFiringsController(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Operation(summary = "Firings per rule per judged night (run and step), zero firings included; at most 400 nights")
	@GetMapping
	List<Map<String, Object>> firings(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (to.isBefore(from) || from.plusDays(MAX_NIGHTS).isBefore(to)) {
			throw new InputProblem("problem.date-span", from, to, MAX_NIGHTS);
		}
		Map<String, Map<String, Object>> nights = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT j.run_date, j.run_id, j.step_name, j.rules_version, j.last_good_because, f.rule_name, f.fired
				FROM judged_runs j JOIN rule_firings f ON f.run_id = j.run_id
				WHERE j.run_date BETWEEN :from AND :to
				ORDER BY j.run_date, j.run_id, j.step_name, f.rule_name
				""", new MapSqlParameterSource("from", from).addValue("to", to), (rs) -> {
			String key = rs.getLong("run_id") + "/" + rs.getString("step_name");
			Map<String, Object> night = nights.computeIfAbsent(key, (ignored) -> night(rs));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> rules = (List<Map<String, Object>>) night.get("rules");
			rules.add(Map.of("rule", rs.getString("rule_name"), "fired", rs.getLong("fired")));
		});
		return List.copyOf(nights.values());
	}

	private static Map<String, Object> night(java.sql.ResultSet rs) {
		try {
			Map<String, Object> night = new LinkedHashMap<>();
			night.put("night", rs.getDate("run_date").toLocalDate());
			night.put("run", rs.getLong("run_id"));
			night.put("step", rs.getString("step_name"));
			night.put("rulesVersion", rs.getString("rules_version"));
			night.put("lastGoodBecause", rs.getString("last_good_because"));
			night.put("rules", new ArrayList<Map<String, Object>>());
			return night;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
