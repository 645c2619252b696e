package com.successpilot.rules.facts;

/**
 * An account's health on the run date: the outcome side (goals, value, usage depth) and
 * the experience side (support effort, escalations, NPS, CSAT), each 0–100, their mean,
 * the grade from the health decision table, and the input that drags it down most, in
 * words. Rules that depend on health (renewal, expansion, advocacy) match this fact.
 */
public final class HealthScore {

	private final int outcome;

	private final int experience;

	private final int overall;

	private final String grade;

	private final Words drag;

	public HealthScore(int outcome, int experience, int overall, String grade, String drag) {
		this(outcome, experience, overall, grade, new Words(drag, drag));
	}

	public HealthScore(int outcome, int experience, int overall, String grade, Words drag) {
		this.outcome = outcome;
		this.experience = experience;
		this.overall = overall;
		this.grade = grade;
		this.drag = drag;
	}

	public int getOutcome() {
		return this.outcome;
	}

	public int getExperience() {
		return this.experience;
	}

	public int getOverall() {
		return this.overall;
	}

	public String getGrade() {
		return this.grade;
	}

	/**
	 * The input costing the most points, e.g. "support effort: 7 open tickets against a
	 * limit of 3".
	 */
	public String getDrag() {
		return this.drag.toString();
	}

	/**
	 * The same in the reader's language: put it in a task's evidence
	 * ({@code .fact("healthDrag", $health.getDragInWords())}) and a Japanese CSM reads it
	 * in Japanese.
	 */
	public Words getDragInWords() {
		return this.drag;
	}

	@Override
	public String toString() {
		return "health " + this.overall + " (" + this.grade + "; outcome " + this.outcome + ", experience "
				+ this.experience + "; dragged down by " + this.drag + ")";
	}

}
