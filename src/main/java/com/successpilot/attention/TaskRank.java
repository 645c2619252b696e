package com.successpilot.attention;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A task's score and the parts it is made of, each in points: the score is their sum,
 * rounded to one decimal.
 *
 * @param severity points for the playbook's priority
 * @param value points for the account's ARR
 * @param time points for how soon the task is due or the renewal comes
 * @param trend points for a falling health score
 */
public record TaskRank(double severity, double value, double time, double trend) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public double score() {
		return round(this.severity + this.value + this.time + this.trend);
	}

	/**
	 * The parts as stored with the task ({@code tasks.rank_parts}), JSON.
	 */
	public String partsJson() {
		Map<String, Double> parts = new LinkedHashMap<>();
		parts.put("severity", round(this.severity));
		parts.put("value", round(this.value));
		parts.put("time", round(this.time));
		parts.put("trend", round(this.trend));
		return JSON.writeValueAsString(parts);
	}

	static double round(double points) {
		return Math.round(points * 10) / 10.0;
	}

}
