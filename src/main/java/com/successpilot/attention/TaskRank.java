package com.successpilot.attention;

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

	public double score() {
		return round(this.severity + this.value + this.time + this.trend);
	}

	/**
	 * The parts as stored with the task ({@code tasks.rank_parts}), JSON.
	 */
	public String partsJson() {
		return "{\"severity\":" + round(this.severity) + ",\"value\":" + round(this.value) + ",\"time\":"
				+ round(this.time) + ",\"trend\":" + round(this.trend) + "}";
	}

	static double round(double points) {
		return Math.round(points * 10) / 10.0;
	}

}
