package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LiveRuleSetTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void invalidEditIsRefusedAndTheLastGoodSetStaysInForce(@TempDir Path temp) throws IOException {
		Path dir = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		LiveRuleSet live = new LiveRuleSet(dir, this.clock);
		String goodVersion = live.current().version();
		Instant wentLive = this.clock.instant();

		Files.writeString(dir.resolve("usage/decline.drl"), "rule \"Broken\" when then oops end");
		this.clock.advance(Duration.ofMinutes(10));
		RuleSetReport refused = live.reload();

		assertThat(refused.isValid()).isFalse();
		assertThat(live.status().loadedAt()).isEqualTo(wentLive);
		assertThat(live.status().lastAttempt().at()).isEqualTo(wentLive.plus(Duration.ofMinutes(10)));
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
		LiveRuleSet live = new LiveRuleSet(dir, this.clock);
		String before = live.current().version();

		Files.delete(dir.resolve("health/grade.drl.csv"));
		this.clock.advance(Duration.ofMinutes(10));
		RuleSetReport report = live.reload();

		assertThat(report.isValid()).isTrue();
		assertThat(live.current().version()).isEqualTo(report.version()).isNotEqualTo(before);
		assertThat(live.status().loadedAt()).isEqualTo(this.clock.instant());
		// the same content read again has been live since it was first loaded
		this.clock.advance(Duration.ofMinutes(10));
		live.reload();
		assertThat(live.status().loadedAt()).isEqualTo(this.clock.instant().minus(Duration.ofMinutes(10)));
	}

	@Test
	void invalidSetAtStartIsRefusedWithItsReport() {
		LiveRuleSet live = new LiveRuleSet(RuleFixtures.BROKEN, this.clock);

		assertThatExceptionOfType(InvalidRuleSetException.class).isThrownBy(live::current)
			.satisfies((ex) -> assertThat(ex.report().isValid()).isFalse());
	}

}
