package com.successpilot.task;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which changes to a delivered task are news for its CSM.
 */
class MaterialChangeTests {

	private static final LocalDate DUE = LocalDate.of(2026, 11, 30);

	private static final String TOLD = """
			{"rule":"Usage falling","facts":{"activeUsersTrendPct":-35,"daysToRenewal":90},"thresholds":{"usage_decline_pct":-20}}""";

	@Test
	void aDayCounterOrASmallDriftIsNoNews() {
		String drifted = """
				{"rule":"Usage falling","facts":{"activeUsersTrendPct":-36,"daysToRenewal":89},"thresholds":{"usage_decline_pct":-20}}""";

		assertThat(MaterialChange.between(told("high", ""), raised("high", "", drifted), DUE, false, 10)).isEmpty();
	}

	@Test
	void crossingTheThresholdFurtherByTheMarginIsNews() {
		String worse = """
				{"rule":"Usage falling","facts":{"activeUsersTrendPct":-52},"thresholds":{"usage_decline_pct":-20}}""";

		assertThat(MaterialChange.between(told("high", ""), raised("high", "", worse), DUE, false, 10))
			.isEqualTo("fact:activeUsersTrendPct:-35>-52");
		// a margin of 100 % of the threshold (20 points) is not reached by 17 points
		assertThat(MaterialChange.between(told("high", ""), raised("high", "", worse), DUE, false, 100)).isEmpty();
	}

	@Test
	void aThresholdStoredWithItsProvenanceIsReadToo() {
		String withProvenance = """
				{"facts":{"escalations30d":6},"thresholds":{"support_escalations_max_30d":{"value":1,"source":"account"}}}""";
		String told = """
				{"facts":{"escalations30d":3},"thresholds":{"support_escalations_max_30d":{"value":1,"source":"account"}}}""";

		assertThat(MaterialChange.crossedFurther(told, withProvenance, 10)).isEqualTo("fact:escalations30d:3>6");
	}

	@Test
	void aHigherPriorityANewOccurrenceAnEarlierDueDateAndAnEndedSnoozeAreNews() {
		assertThat(
				MaterialChange.between(told("medium", "R-1"), raised("high", "R-2", TOLD), DUE.minusDays(2), true, 10))
			.isEqualTo("snooze-ended;occurrence;priority:medium>high;due:2026-11-30>2026-11-28");
		// a lower priority is not
		assertThat(MaterialChange.between(told("high", ""), raised("low", "", TOLD), DUE, false, 10)).isEmpty();
	}

	@Test
	void changesAreDescribedInTheCsmsLanguage() {
		String note = "occurrence;priority:medium>high;due:2026-11-30>2026-11-28;fact:activeUsersTrendPct:-35>-52";

		assertThat(TaskChanges.describe(note, "en")).isEqualTo(
				"a new occurrence; priority medium → high; due 2026-11-30 → 2026-11-28; activeUsersTrendPct -35 → -52");
		assertThat(TaskChanges.describe(note, "ja"))
			.isEqualTo("新しい発生; 優先度 中 → 高; 期限 2026-11-30 → 2026-11-28; activeUsersTrendPct -35 → -52");
		assertThat(TaskChanges.describe(null, "en")).isEmpty();
	}

	@Test
	void aTaskHandedToAnotherCsmIsTheSameWhenTheRulesRaiseItForTheAccountsCsm() {
		MaterialChange.StoredTask handedToTwo = held(2L, 2L);
		assertThat(handedToTwo.sameAs(raised("medium", "", TOLD), "v1", DUE)).isTrue();
		// not handed on: the account's new CSM is a change the refresh writes
		MaterialChange.StoredTask accountsOwn = held(1L, null);
		assertThat(accountsOwn.sameAs(raised("medium", "", TOLD), "v1", DUE)).isTrue();
		assertThat(accountsOwn.sameAs(raisedFor(3L), "v1", DUE)).isFalse();
	}

	private static MaterialChange.StoredTask told(String priority, String occurrence) {
		return new MaterialChange.StoredTask(1, "usage-decline-rescue|ACC-1", occurrence, "Usage falling", "why", TOLD,
				TOLD, "v1", 1L, "OPEN", null, priority, DUE, 50.0, "{}", 1L, 1L, null, null);
	}

	private static MaterialChange.StoredTask held(Long owner, Long assigned) {
		return new MaterialChange.StoredTask(1, "usage-decline-rescue|ACC-1", "", "Usage falling", "why", TOLD, TOLD,
				"v1", owner, "OPEN", null, "medium", DUE, 50.0, "{}", 1L, 1L, null, assigned);
	}

	private static RaisedTask raisedFor(Long accountsCsm) {
		return new RaisedTask("usage-decline-rescue|ACC-1", "", 1, accountsCsm, "usage-decline-rescue", "risk",
				"medium", "title", "description", DUE, false, true, "Usage falling", "why", TOLD, 50, "{}");
	}

	private static RaisedTask raised(String priority, String occurrence, String evidence) {
		return new RaisedTask("usage-decline-rescue|ACC-1", occurrence, 1, 1L, "usage-decline-rescue", "risk", priority,
				"title", "description", DUE, false, true, "Usage falling", "why", evidence, 50, "{}");
	}

}
