package com.successpilot.portfolio.internal;

/**
 * Where an account is in the customer lifecycle, as the accounts feed spells it.
 */
enum LifecycleStage {

	ONBOARDING("onboarding"), ADOPTION("adoption"), RENEWAL("renewal"), EXPANSION("expansion"), ADVOCACY("advocacy");

	private final String label;

	LifecycleStage(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
