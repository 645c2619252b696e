package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTests {

	@Test
	void reportNamesEachScenarioAndWhatDiffered() {
		ScenarioReport report = RuleScenarios.runAll(RuleFixtures.VALID);

		assertThat(report.passed()).isFalse();
		assertThat(report.failedCount()).isEqualTo(1);
		assertThat(report.lines()).containsSubsequence(
				"PASS usage/decline.scenarios.yml: A 30% decline raises the rescue",
				"FAIL usage/decline.scenarios.yml: A 30% decline wrongly expected to raise nothing",
				"       expected playbook 'support-effort-review' to be raised, but it was not (raised: usage-decline-rescue)",
				"       expected playbook 'usage-decline-rescue' not to be raised, but rule \"Usage declining beyond the threshold\" raised it: Active users down -30% (limit 20%)",
				"2 scenarios: 1 passed, 1 failed - FAILED");
	}

	@Test
	void occurrenceExpectationSaysWhichOccurrenceTheRuleNamedInstead() {
		ScenarioReport report = RuleScenarios.runAll(RuleFixtures.OCCURRENCE);

		assertThat(report.lines()).containsSubsequence(
				"PASS sentiment/detractor.scenarios.yml: A detractor answer is the occurrence",
				"FAIL sentiment/detractor.scenarios.yml: Expecting an earlier answer fails",
				"       expected playbook 'detractor-call' to be raised for occurrence 'NPS-6', but it was raised for ['NPS-7']",
				"FAIL sentiment/detractor.scenarios.yml: Expecting an occurrence of a playbook not raised fails",
				"       expected playbook 'detractor-call' to be raised for occurrence 'NPS-1', but it was not raised",
				"       expected playbook 'nps-survey-reminder' to be raised for occurrence '', but it was not raised",
				"3 scenarios: 1 passed, 2 failed - FAILED");
	}

	@Test
	void invalidRuleSetFailsTheRunWithItsProblems() {
		ScenarioReport report = RuleScenarios.runAll(RuleFixtures.BROKEN);

		assertThat(report.passed()).isFalse();
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).startsWith("ERROR unknown-playbook.drl:11"));
	}

	@Test
	void aMisspeltOrMistypedFactNamesFileLineAndTheNearestField(@TempDir Path rules) throws IOException {
		Files.copy(Path.of("rules", "scenario-defaults.yml"), rules.resolve("scenario-defaults.yml"));
		Files.writeString(rules.resolve("misspelt.scenarios.yml"), """
				scenarios:
				  - name: Few seats in use
				    account:
				      licensedSeats: 100
				      seatUtilisationPtc: 30
				    expect:
				      raises: [seat-adoption]
				""");
		Files.writeString(rules.resolve("mistyped.scenarios.yml"), """
				scenarios:
				  - name: A goal behind
				    goals:
				      - goalName: Cut delivery time
				        attainmentPct: 70
				      - goalName: Fewer returns
				        achieved: maybe
				    expect:
				      raises: [goal-behind]
				""");

		RuleScenarios scenarios = RuleScenarios.read(rules);

		assertThat(scenarios.scenarios()).isEmpty();
		assertThat(scenarios.problems()).containsExactly(
				"misspelt.scenarios.yml:5: scenario 'Few seats in use': unknown account field 'seatUtilisationPtc'"
						+ " — did you mean 'seatUtilisationPct'? (known: accountId, accountName, activeUsers30d, "
						+ "activeUsers7d, activeUsers90d, activeUsersTrendPct, arr, autoRenew, avgCsat90d, csmEmail, "
						+ "csmLanguage, csmName, currency, daysSinceGoLive, daysSinceLastLogin, "
						+ "daysSinceLastValueMilestone, daysSinceStart, daysToRenewal, escalatedOpenTickets, "
						+ "escalations30d, industry, keyEvents30d, latestEscalationOpenedOn, latestEscalationTicketId, "
						+ "latestNps, latestNpsAnsweredOn, latestNpsResponseId, latestNpsRole, licensedSeats, "
						+ "lifecycleStage, logins30d, logins7d, logins90d, loginsTrendPct, npsChange, openTickets, "
						+ "previousNps, runDate, seatUtilisationPct, segment, ticketsOpened30d, "
						+ "valueMilestones30d, valueMilestonesSinceStart)",
				"mistyped.scenarios.yml:7: scenario 'A goal behind': 'achieved' must be true or false, not 'maybe'");
	}

}
