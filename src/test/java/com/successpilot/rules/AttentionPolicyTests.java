package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules/attention.yml} is part of the rule set: validated with file and line,
 * defaulted where a key is left out, and part of the version.
 */
class AttentionPolicyTests {

	@Test
	void starterPolicyIsTheDocumentedDefault() {
		AttentionPolicy policy = RuleSet.load(Path.of("rules")).attention();

		assertThat(policy).isEqualTo(new AttentionPolicy(policy.ranking(), AttentionPolicy.defaults().budget(), 10,
				AttentionPolicy.defaults().surgeGuard()));
		assertThat(policy.ranking().severity()).isEqualTo(new AttentionPolicy.Severity(40, 20, 5));
		assertThat(policy.ranking().accountValue().rates()).containsKeys("JPY", "EUR", "GBP");
		assertThat(policy.budget().of("anyone@example.com")).isEqualTo(new AttentionPolicy.Allowance(10, 30, 3));
	}

	@Test
	void aRuleSetWithoutAttentionFileUsesTheDefaults() {
		assertThat(RuleSet.load(RuleFixtures.VALID).attention()).isEqualTo(AttentionPolicy.defaults());
	}

	@Test
	void perCsmBudgetsOverrideTheDefaultAndKeysLeftOutKeepTheirDefault(@TempDir Path temp) throws IOException {
		Path rules = withAttention(temp, """
				budget:
				  new-tasks-per-day: 5
				  csms:
				    Kimura@Example.com:
				      urgent-mails-per-day: 1
				change-mails:
				  threshold-margin-pct: 25
				""");

		AttentionPolicy policy = RuleSet.load(rules).attention();

		assertThat(policy.budget().of("someone@example.com")).isEqualTo(new AttentionPolicy.Allowance(5, 30, 3));
		assertThat(policy.budget().of("kimura@example.com")).isEqualTo(new AttentionPolicy.Allowance(5, 30, 1));
		assertThat(policy.thresholdMarginPct()).isEqualTo(25);
		assertThat(policy.ranking()).isEqualTo(AttentionPolicy.defaults().ranking());
	}

	@Test
	void mistakesAreReportedWithLineAndTheNearestKnownKey(@TempDir Path temp) throws IOException {
		Path rules = withAttention(temp, """
				ranking:
				  severity:
				    high: 40
				    hihg: 30
				  account-value:
				    floor: 100000
				    ceiling: 1000
				budget:
				  new-task-per-day: 10
				  urgent-mails-per-day: many
				  csms:
				    kimura:
				      new-tasks-per-day: 3
				""");

		RuleSetReport report = RuleSet.validate(rules);

		assertThat(report.isValid()).isFalse();
		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.contains(
					"attention.yml:4: unknown key 'hihg' in 'severity' — did you mean 'high'? (known: high, low, medium)")
			.contains("attention.yml:7: 'ceiling' must be larger than 'floor' (100000.0)")
			.anySatisfy((problem) -> assertThat(problem).startsWith(
					"attention.yml:9: unknown key 'new-task-per-day' in 'budget' — did you mean 'new-tasks-per-day'?"))
			.contains("attention.yml:10: 'urgent-mails-per-day' must be a number, not 'many'")
			.contains("attention.yml:12: a CSM is named by their e-mail address, not 'kimura'");
	}

	@Test
	void changingTheAttentionFileChangesTheRulesVersion(@TempDir Path temp) throws IOException {
		Path rules = withAttention(temp, "budget:\n  new-tasks-per-day: 10\n");
		String before = RuleSet.validate(rules).version();

		Files.writeString(rules.resolve("attention.yml"), "budget:\n  new-tasks-per-day: 12\n");

		assertThat(RuleSet.validate(rules).version()).isNotEqualTo(before);
	}

	private static Path withAttention(Path temp, String content) throws IOException {
		Path rules = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		Files.writeString(rules.resolve("attention.yml"), content);
		return rules;
	}

}
