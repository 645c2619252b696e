package com.successpilot.rules.facts;

/**
 * One scored input of the health score, raised by a rule in {@code rules/health/}: a
 * score from 0 (bad) to 100 (good) on the outcome or the experience side, with what it is
 * based on in words a CSM understands.
 */
public final class HealthInput {

	public static final String OUTCOME = "outcome";

	public static final String EXPERIENCE = "experience";

	private final String name;

	private final String side;

	private final int score;

	private final String detail;

	public HealthInput(String name, String side, double score, String detail) {
		if (!OUTCOME.equals(side) && !EXPERIENCE.equals(side)) {
			throw new IllegalArgumentException(
					"health input '" + name + "' must be on the outcome or experience side, not '" + side + "'");
		}
		this.name = name;
		this.side = side;
		this.score = (int) Math.round(Math.max(0, Math.min(100, score)));
		this.detail = detail;
	}

	public String getName() {
		return this.name;
	}

	public String getSide() {
		return this.side;
	}

	public int getScore() {
		return this.score;
	}

	public String getDetail() {
		return this.detail;
	}

	@Override
	public String toString() {
		return this.name + " " + this.score + "/100 (" + this.detail + ")";
	}

}
