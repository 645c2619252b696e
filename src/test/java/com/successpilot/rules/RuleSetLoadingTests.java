package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleSetLoadingTests {

	@Test
	void validSetCompilesRuleFilesDecisionTablesAndPlaybooks() {
		RuleSetReport report = RuleSet.validate(RuleFixtures.VALID);

		assertThat(report.problems()).isEmpty();
		assertThat(report.ruleFiles()).isEqualTo(2);
		assertThat(report.decisionTables()).isEqualTo(1);
		assertThat(report.playbooks()).isEqualTo(2);
		assertThat(report.ruleCount()).as("comments are not rules").isEqualTo(2);
		assertThat(report.version()).matches("[0-9a-f]{12}");
		assertThat(report.lines().get(0)).startsWith("OK ").contains(report.version());
	}

	@Test
	void versionIsAHashOfTheContentSoOnlyAChangeChangesIt(@TempDir Path temp) throws IOException {
		Path copy = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		String original = RuleSet.validate(RuleFixtures.VALID).version();
		assertThat(RuleSet.validate(copy).version()).isEqualTo(original);

		Files.writeString(copy.resolve("usage/decline.drl"), "\n// a comment\n",
				java.nio.file.StandardOpenOption.APPEND);
		assertThat(RuleSet.validate(copy).version()).isNotEqualTo(original);
	}

	@Test
	void brokenSetReportsEveryProblemWithFileAndLine() {
		RuleSetReport report = RuleSet.validate(RuleFixtures.BROKEN);

		assertThat(report.isValid()).isFalse();
		assertThat(report.problems()).extracting(RuleSetProblem::toString)
			.anySatisfy((problem) -> assertThat(problem).matches("syntax\\.drl:(9|10): .*"))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("unknown-playbook.drl:11: raises the playbook 'no-such-playbook'"))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("playbooks/support-effort-review.yml:2: 'type' must be one of risk, opportunity"))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("playbooks/support-effort-review.yml:4: 'tasks' must list at least one task"));
		assertThat(report.lines().get(0)).startsWith("INVALID");
	}

	@Test
	void loadingAnInvalidSetIsRefusedWithItsReport() {
		assertThatExceptionOfType(InvalidRuleSetException.class).isThrownBy(() -> RuleSet.load(RuleFixtures.BROKEN))
			.satisfies((ex) -> assertThat(ex.report().problems()).hasSizeGreaterThanOrEqualTo(4))
			.withMessageContaining("unknown-playbook.drl:11");
	}

	@Test
	void missingDirectoryIsReportedNotThrown() {
		RuleSetReport report = RuleSet.validate(Path.of("no/such/rules"));

		assertThat(report.isValid()).isFalse();
		assertThat(report.problems().get(0).message()).contains("does not exist");
	}

	@Test
	void starterRuleLibraryIsValid() {
		RuleSetReport report = RuleSet.validate(Path.of("rules"));

		assertThat(report.problems()).isEmpty();
		assertThat(report.playbooks()).isGreaterThanOrEqualTo(18);
	}

}
