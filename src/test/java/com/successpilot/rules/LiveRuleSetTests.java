package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LiveRuleSetTests {

	@Test
	void invalidEditIsRefusedAndTheLastGoodSetStaysInForce(@TempDir Path temp) throws IOException {
		Path dir = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		LiveRuleSet live = new LiveRuleSet(dir);
		String goodVersion = live.current().version();

		Files.writeString(dir.resolve("usage/decline.drl"), "rule \"Broken\" when then oops end");
		RuleSetReport refused = live.reload();

		assertThat(refused.isValid()).isFalse();
		assertThat(refused.problems()).extracting(RuleSetProblem::file).contains("usage/decline.drl");
		assertThat(live.current().version()).isEqualTo(goodVersion);
		AccountJudgement judgement = live.evaluate(RuleFixtures.account("ACC-1", "Acme", -40), java.util.List.of(),
				RuleFixtures.declineLimit("ACC-1", 20));
		assertThat(judgement.responses()).extracting(PlaybookResponse::playbookName)
			.containsExactly("usage-decline-rescue");
		assertThat(judgement.rulesVersion()).isEqualTo(goodVersion);
	}

	@Test
	void validEditGoesLiveOnReload(@TempDir Path temp) throws IOException {
		Path dir = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		LiveRuleSet live = new LiveRuleSet(dir);
		String before = live.current().version();

		Files.delete(dir.resolve("health/grade.drl.csv"));
		RuleSetReport report = live.reload();

		assertThat(report.isValid()).isTrue();
		assertThat(live.current().version()).isEqualTo(report.version()).isNotEqualTo(before);
	}

	@Test
	void invalidSetAtStartIsRefusedWithItsReport() {
		LiveRuleSet live = new LiveRuleSet(RuleFixtures.BROKEN);

		assertThatExceptionOfType(InvalidRuleSetException.class).isThrownBy(live::current)
			.satisfies((ex) -> assertThat(ex.report().isValid()).isFalse());
	}

}
