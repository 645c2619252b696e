package com.successpilot.rules.facts;

/**
 * One scored input of the health score, raised by a rule in {@code rules/health/}: a
 * score from 0 (bad) to 100 (good) on the outcome or the experience side, with what it is
 * based on in words a CSM understands.
 */
public final class HealthInput {

	public static final String OUTCOME = "outcome";

	public static final String EXPERIENCE = "experience";

	private final Words name;

	private final String side;

	private final int score;

	private final Words detail;

	public HealthInput(String name, String side, double score, String detail) {
		this(new Words(name, null), side, score, new Words(detail, null));
	}

	private HealthInput(Words name, String side, double score, Words detail) {
		if (!OUTCOME.equals(side) && !EXPERIENCE.equals(side)) {
			throw new IllegalArgumentException(
					"health input '" + name + "' must be on the outcome or experience side, not '" + side + "'");
		}
		this.name = name;
		this.side = side;
		this.score = (int) Math.round(Math.max(0, Math.min(100, score)));
		this.detail = detail;
	}

	/**
	 * The same input with its name and detail in Japanese, for Japanese readers, e.g.
	 * {@code new HealthInput("NPS", …).withJapanese("NPS", "最新のNPSは3点")}.
	 */
	public HealthInput withJapanese(String name, String detail) {
		return new HealthInput(new Words(getName(), name), this.side, this.score, new Words(getDetail(), detail));
	}

	/**
	 * "name: detail" in English and, where the rule gave them, in Japanese.
	 */
	public Words getSummary() {
		return new Words(this.name.in("en") + ": " + this.detail.in("en"),
				this.name.in("ja") + "：" + this.detail.in("ja"));
	}

	public String getName() {
		return this.name.toString();
	}

	public String getSide() {
		return this.side;
	}

	public int getScore() {
		return this.score;
	}

	public String getDetail() {
		return this.detail.toString();
	}

	@Override
	public String toString() {
		return this.name + " " + this.score + "/100 (" + this.detail + ")";
	}

}
