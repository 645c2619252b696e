package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.rules.facts.Threshold;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threshold catalogue ({@code rules/thresholds.yml}) and the errors a rule author
 * reads: an undeclared threshold, a misspelled fact field or playbook, each once, on the
 * line to change, in words.
 */
class ThresholdCatalogueTests {

	private static final String SEAT_RULE = """
			package rules.adoption;

			import com.successpilot.rules.facts.*;

			global Playbooks playbook;

			rule "Seat utilisation below the account's baseline"
			when
			    $baseline : Threshold( name == "%s" )
			    AccountFacts( lifecycleStage != "onboarding", licensedSeats > 0,
			                  $seats : licensedSeats,
			                  $used : %s < $baseline.value )
			then
			    playbook.raise("%s", "At most {seatUtilisationPct}%% in use")
			        .fact("seatUtilisationPct", $used)
			        .threshold($baseline);
			end
			""";

	@Test
	void theStarterCatalogueDeclaresEveryThresholdTheStarterRulesAskFor() {
		RuleSet rules = RuleSet.load(Path.of("rules"));

		assertThat(rules.thresholds().isPresent()).isTrue();
		assertThat(rules.thresholds().names()).contains("seat_utilisation_min_pct", "usage_decline_pct",
				"renewal_health_min");
		assertThat(rules.thresholds().find("seat_utilisation_min_pct").orElseThrow().defaultFor("enterprise"))
			.contains(55.0);
	}

	@Test
	void aRuleAskingForAnUndeclaredThresholdIsAnErrorOnItsLineWithTheNearestName(@TempDir Path temp)
			throws IOException {
		Path rules = withSeatRule(temp, "seat_utilisation_min_pc", "seatUtilisationPct", "seat-adoption-plan");

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.containsExactly("adoption/seat-utilisation.drl:9: threshold 'seat_utilisation_min_pc' is not declared in "
					+ "rules/thresholds.yml — did you mean 'seat_utilisation_min_pct'?");
	}

	@Test
	void aMisspelledFactFieldIsReportedOnceOnTheLineThatNamesIt(@TempDir Path temp) throws IOException {
		Path rules = withSeatRule(temp, "seat_utilisation_min_pct", "seatUtilisationPtc", "seat-adoption-plan");

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.containsExactly("adoption/seat-utilisation.drl:12: AccountFacts has no field `seatUtilisationPtc` "
					+ "— did you mean `seatUtilisationPct`?");
	}

	@Test
	void aMisspelledPlaybookIsReportedWithTheNearestName(@TempDir Path temp) throws IOException {
		Path rules = withSeatRule(temp, "seat_utilisation_min_pct", "seatUtilisationPct", "seat-adoptoin-plan");

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.containsExactly("adoption/seat-utilisation.drl:14: raises the playbook 'seat-adoptoin-plan', which is "
					+ "not in playbooks/ (no playbooks/seat-adoptoin-plan.yml) — did you mean 'seat-adoption-plan'?");
	}

	@Test
	void anUnknownFactTypeIsReportedInWordsWithTheNearestName(@TempDir Path temp) throws IOException {
		Path rules = withSeatRule(temp, "seat_utilisation_min_pct", "seatUtilisationPct", "seat-adoption-plan");
		Path file = rules.resolve("adoption/seat-utilisation.drl");
		Files.writeString(file,
				Files.readString(file).replace("AccountFacts( lifecycleStage", "AccountFact( lifecycleStage"));

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.containsExactly("adoption/seat-utilisation.drl:10: there is no fact type `AccountFact` — did you mean "
					+ "`AccountFacts`? (facts: AccountFacts, GoalProgress, HealthInput, HealthPoints, HealthScore, "
					+ "Threshold, WeightedHealthInput)");
	}

	@Test
	void anErrorOfAnotherShapeKeepsTheEnginesWords(@TempDir Path temp) throws IOException {
		Path rules = withSeatRule(temp, "seat_utilisation_min_pct", "seatUtilisationPct.foo(", "seat-adoption-plan");

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.problems()).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem.file()).isEqualTo("adoption/seat-utilisation.drl"));
	}

	@Test
	void aCatalogueMistakeIsReportedWithItsLine(@TempDir Path temp) throws IOException {
		Path rules = RuleFixtures.copy(Path.of("rules"), temp.resolve("rules"));
		String catalogue = Files.readString(rules.resolve("thresholds.yml"));
		Files.writeString(rules.resolve("thresholds.yml"),
				catalogue
					.replace("segments: { enterprise: 55, mid-market: 60, smb: 60 }",
							"segments: { enterprise: 155, mid-market: 60, smb: 60 }")
					.replace("    unit: days\n    min: 1\n    max: 365\n    description:\n      en: Days after",
							"    unit: days\n    min: 1\n    maxx: 365\n    description:\n      en: Days after"));

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.contains("thresholds.yml:13: unknown key 'maxx' in 'first_value_days' — did you mean 'max'? "
					+ "(known: description, max, min, segments, unit)")
			.anySatisfy((problem) -> assertThat(problem).matches(
					"thresholds\\.yml:\\d+: 'seat_utilisation_min_pct': the default for enterprise, 155, is outside the range 0–100"));
	}

	@Test
	void aDeclaredThresholdTheFeedGivesNoValueForTakesTheCataloguesSegmentDefault() {
		ThresholdCatalogue catalogue = RuleSet.load(Path.of("rules")).thresholds();
		List<Threshold> given = List.of(new Threshold("ACC-1", "usage_decline_pct", 35, Threshold.ACCOUNT));

		List<Threshold> all = catalogue.completed("ACC-1", "smb", given);

		assertThat(all).hasSize(catalogue.names().size());
		assertThat(all).filteredOn((threshold) -> threshold.getName().equals("usage_decline_pct"))
			.singleElement()
			.satisfies((threshold) -> assertThat(threshold.getSource()).isEqualTo(Threshold.ACCOUNT));
		assertThat(all).filteredOn((threshold) -> threshold.getName().equals("inactive_days_max"))
			.singleElement()
			.satisfies((threshold) -> {
				assertThat(threshold.getValue()).isEqualTo(14.0);
				assertThat(threshold.getSource()).isEqualTo(Threshold.SEGMENT);
			});
	}

	@Test
	void aValueOutsideItsRangeOrAnUnknownNameIsRefusedInWords() {
		ThresholdCatalogue catalogue = RuleSet.load(Path.of("rules")).thresholds();

		assertThat(catalogue.problem("seat_utilisation_min_pct", 140.0))
			.contains("seat_utilisation_min_pct 140 is outside its allowed range 0–100 (%)");
		assertThat(catalogue.problem("seat_utilisation_min_pc", 50.0)).contains(
				"threshold 'seat_utilisation_min_pc' is not declared in rules/thresholds.yml — did you mean 'seat_utilisation_min_pct'?");
		assertThat(catalogue.problem("seat_utilisation_min_pct", 50.0)).isEmpty();
	}

	private static Path withSeatRule(Path temp, String threshold, String field, String playbook) throws IOException {
		Path rules = RuleFixtures.copy(Path.of("rules"), temp.resolve("rules"));
		Files.writeString(rules.resolve("adoption/seat-utilisation.drl"),
				SEAT_RULE.formatted(threshold, field, playbook));
		return rules;
	}

}
