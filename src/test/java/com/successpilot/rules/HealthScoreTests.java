package com.successpilot.rules;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.HealthInput;
import com.successpilot.rules.facts.HealthPoints;
import com.successpilot.rules.facts.HealthScore;
import com.successpilot.rules.facts.Threshold;
import com.successpilot.rules.facts.WeightedHealthInput;

import static org.assertj.core.api.Assertions.assertThat;

class HealthScoreTests {

	@Test
	void sidesAreWeightedMeansAndOverallTheirMean() {
		HealthPoints points = HealthPoints.of(List.of(weighted("goal attainment", HealthInput.OUTCOME, 50, 40),
				weighted("usage depth", HealthInput.OUTCOME, 100, 60),
				weighted("support effort", HealthInput.EXPERIENCE, 80, 30)));

		assertThat(points.getOutcome()).isEqualTo(80);
		assertThat(points.getExperience()).isEqualTo(80);
		assertThat(points.getOverall()).isEqualTo(80);
		assertThat(points.getDrag()).startsWith("goal attainment: ");
	}

	@Test
	void inputCostingTheMostPointsDragsTheScoreDown() {
		HealthPoints points = HealthPoints.of(List.of(weighted("goal attainment", HealthInput.OUTCOME, 90, 40),
				weighted("value milestones", HealthInput.OUTCOME, 60, 30),
				weighted("NPS", HealthInput.EXPERIENCE, 30, 25), weighted("CSAT", HealthInput.EXPERIENCE, 100, 20)));

		assertThat(points.getDrag()).isEqualTo("NPS: detail of NPS");
		assertThat(points.graded("C").getGrade()).isEqualTo("C");
	}

	@Test
	void starterHealthRulesScoreBothSidesAndGradeFromTheDecisionTable() {
		RuleSet rules = RuleSet.load(Path.of("rules"));
		AccountFacts account = AccountFacts.builder()
			.accountId("ACC-7")
			.accountName("Painful Ltd")
			.segment("mid-market")
			.lifecycleStage("adoption")
			.runDate(java.time.LocalDate.of(2026, 10, 15))
			.seatUtilisationPct(80)
			.licensedSeats(50)
			.daysSinceLastValueMilestone(10)
			.openTickets(10)
			.escalations30d(2)
			.latestNps(2)
			.build();
		List<Threshold> thresholds = List.of(threshold("seat_utilisation_min_pct", 60),
				threshold("support_open_tickets_max", 5), threshold("support_escalations_max_30d", 1));

		HealthScore health = rules.evaluate(account, List.of(), thresholds).health().orElseThrow();

		assertThat(health.getOutcome()).as("value 100 and usage 85, equally weighted").isEqualTo(93);
		assertThat(health.getExperience()).as("support 0, escalations 0, NPS 20").isEqualTo(6);
		assertThat(health.getOverall()).isEqualTo(50);
		assertThat(health.getGrade()).isEqualTo("C");
		assertThat(health.getDrag()).isEqualTo("support effort: 10 open tickets (limit 5)");
		assertThat(health.getDragInWords().in("ja")).isEqualTo("サポート負荷：未解決チケット10件（上限5件）");
	}

	@Test
	void theWeakestPointOfASavePlanReadsInTheCsmsLanguage() {
		RuleSet rules = RuleSet.load(Path.of("rules"));
		AccountFacts account = AccountFacts.builder()
			.accountId("ACC-7")
			.accountName("Painful Ltd")
			.segment("mid-market")
			.lifecycleStage("renewal")
			.runDate(java.time.LocalDate.of(2026, 10, 15))
			.daysToRenewal(50)
			.seatUtilisationPct(80)
			.licensedSeats(50)
			.openTickets(10)
			.escalations30d(2)
			.latestNps(2)
			.build();
		List<Threshold> thresholds = List.of(threshold("seat_utilisation_min_pct", 60),
				threshold("support_open_tickets_max", 5), threshold("support_escalations_max_30d", 1),
				threshold("renewal_health_min", 70));

		PlaybookResponse savePlan = rules.evaluate(account, List.of(), thresholds)
			.responses()
			.stream()
			.filter((response) -> response.playbookName().equals("renewal-save-plan"))
			.findFirst()
			.orElseThrow();

		assertThat(savePlan.why("ja")).contains("まだ価値マイルストーンに到達していません").doesNotContain("value milestone");
		assertThat(savePlan.why("en")).contains("no value milestone reached yet");
	}

	private static Threshold threshold(String name, double value) {
		return new Threshold("ACC-7", name, value, Threshold.SEGMENT);
	}

	private static WeightedHealthInput weighted(String name, String side, int score, double weight) {
		return new WeightedHealthInput(new HealthInput(name, side, score, "detail of " + name), weight);
	}

}
