package com.successpilot.rules.facts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The health score before it has a grade: the weighted outcome and experience sides and
 * their mean. The grade bands of the health decision table turn it into a
 * {@link HealthScore} with {@link #graded(String)}.
 */
public final class HealthPoints {

	private final int outcome;

	private final int experience;

	private final int overall;

	private final Words drag;

	private HealthPoints(int outcome, int experience, Words drag) {
		this.outcome = outcome;
		this.experience = experience;
		this.overall = (int) Math.round((outcome + experience) / 2.0);
		this.drag = drag;
	}

	/**
	 * Adds up weighted inputs: each side is the weighted mean of its inputs' scores (a
	 * side without inputs counts as 100, nothing known against it); the input dragging
	 * the score down most is the one costing the most points of the overall score.
	 */
	public static HealthPoints of(Collection<?> weightedInputs) {
		List<WeightedHealthInput> inputs = weightedInputs.stream()
			.map(WeightedHealthInput.class::cast)
			.filter((input) -> input.getWeight() > 0)
			.toList();
		double outcomeWeight = totalWeight(inputs, HealthInput.OUTCOME);
		double experienceWeight = totalWeight(inputs, HealthInput.EXPERIENCE);
		Words drag = inputs.stream()
			.filter((input) -> input.getScore() < 100)
			.max(Comparator.comparingDouble((WeightedHealthInput input) -> pointsLost(input,
					HealthInput.OUTCOME.equals(input.getSide()) ? outcomeWeight : experienceWeight)))
			.map((input) -> input.getInput().getSummary())
			.orElse(new Words("nothing: every input scores 100", "なし：すべての項目が満点です"));
		return new HealthPoints(side(inputs, HealthInput.OUTCOME, outcomeWeight),
				side(inputs, HealthInput.EXPERIENCE, experienceWeight), drag);
	}

	private static double totalWeight(List<WeightedHealthInput> inputs, String side) {
		return inputs.stream()
			.filter((input) -> side.equals(input.getSide()))
			.mapToDouble(WeightedHealthInput::getWeight)
			.sum();
	}

	private static int side(List<WeightedHealthInput> inputs, String side, double totalWeight) {
		if (totalWeight == 0) {
			return 100;
		}
		double points = inputs.stream()
			.filter((input) -> side.equals(input.getSide()))
			.mapToDouble((input) -> input.getWeight() * input.getScore())
			.sum();
		return (int) Math.round(points / totalWeight);
	}

	private static double pointsLost(WeightedHealthInput input, double sideWeight) {
		return (100 - input.getScore()) * input.getWeight() / sideWeight;
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

	public String getDrag() {
		return this.drag.toString();
	}

	public HealthScore graded(String grade) {
		return new HealthScore(this.outcome, this.experience, this.overall, grade, this.drag);
	}

	@Override
	public String toString() {
		return "HealthPoints[outcome " + this.outcome + ", experience " + this.experience + ", overall " + this.overall
				+ "]";
	}

}
