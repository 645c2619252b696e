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

	private final String nameJa;

	private final String detailJa;

	public HealthInput(String name, String side, double score, String detail) {
		this(name, side, score, detail, null, null);
	}

	private HealthInput(String name, String side, double score, String detail, String nameJa, String detailJa) {
		if (!OUTCOME.equals(side) && !EXPERIENCE.equals(side)) {
			throw new IllegalArgumentException(
					"health input '" + name + "' must be on the outcome or experience side, not '" + side + "'");
		}
		this.name = name;
		this.side = side;
		this.score = (int) Math.round(Math.max(0, Math.min(100, score)));
		this.detail = detail;
		this.nameJa = nameJa;
		this.detailJa = detailJa;
	}

	/**
	 * The same input with its name and detail in Japanese, for Japanese readers, e.g.
	 * {@code new HealthInput("NPS", …).withJapanese("NPS", "最新のNPSは3点")}.
	 */
	public HealthInput withJapanese(String name, String detail) {
		return new HealthInput(this.name, this.side, this.score, this.detail, name, detail);
	}

	/**
	 * "name: detail" in English and, where the rule gave them, in Japanese.
	 */
	public Words getSummary() {
		String english = this.name + ": " + this.detail;
		String japanese = (this.nameJa != null ? this.nameJa : this.name) + "："
				+ (this.detailJa != null ? this.detailJa : this.detail);
		return new Words(english, japanese);
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
