package com.successpilot.rules.facts;

/**
 * A {@link HealthInput} with the weight the health decision table gives it within its
 * side.
 */
public final class WeightedHealthInput {

	private final HealthInput input;

	private final double weight;

	public WeightedHealthInput(HealthInput input, double weight) {
		this.input = input;
		this.weight = weight;
	}

	public HealthInput getInput() {
		return this.input;
	}

	public String getName() {
		return this.input.getName();
	}

	public String getSide() {
		return this.input.getSide();
	}

	public int getScore() {
		return this.input.getScore();
	}

	public double getWeight() {
		return this.weight;
	}

}
