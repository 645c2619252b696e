package com.successpilot.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The version of a rule set is the hash of the bytes it was compiled from, read once: an
 * edit after the read can change neither the set nor its version.
 */
class RuleSetVersionTests {

	private static final String DECLINE = "usage/decline.drl";

	@Test
	void versionIsTheHashOfTheFilesCompiledAndOnlyOfThem(@TempDir Path temp) throws IOException {
		Path dir = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		Files.writeString(dir.resolve(AttentionPolicy.FILE), "change-mails:\n  threshold-margin-pct: 25\n");

		RuleSet ruleSet = RuleSet.load(dir);

		assertThat(ruleSet.source().paths()).containsExactly(AttentionPolicy.FILE, "health/globals.drl",
				"health/grade.drl.csv", "playbooks/support-effort-review.yml", "playbooks/usage-decline-rescue.yml",
				DECLINE);
		assertThat(ruleSet.source().scenarioFiles()).containsExactly("usage/decline.scenarios.yml");
		assertThat(ruleSet.version()).isEqualTo(sha256Of(ruleSet.source()))
			.isEqualTo(ruleSet.report().version())
			.isEqualTo(sha256Of(dir, ruleSet.source().paths()));
		assertThat(ruleSet.attention().thresholdMarginPct()).isEqualTo(25);
	}

	@Test
	void editingAFileAfterLoadingChangesNeitherTheLoadedSetNorItsVersion(@TempDir Path temp) throws IOException {
		Path dir = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		byte[] original = Files.readAllBytes(dir.resolve(DECLINE));
		RuleSet loaded = RuleSet.load(dir);
		String version = loaded.version();

		// the rule now raises nothing, and attention.yml appears
		Files.writeString(dir.resolve(DECLINE), new String(original, StandardCharsets.UTF_8)
			.replace("activeUsersTrendPct <= -$limit.value", "activeUsersTrendPct <= -1000"));
		Files.writeString(dir.resolve(AttentionPolicy.FILE), "change-mails:\n  threshold-margin-pct: 25\n");

		assertThat(loaded.version()).isEqualTo(version).isEqualTo(sha256Of(loaded.source()));
		assertThat(loaded.source().content(DECLINE)).hasValue(original);
		assertThat(loaded.source().paths()).doesNotContain(AttentionPolicy.FILE);
		assertThat(loaded.attention()).isEqualTo(AttentionPolicy.defaults());
		AccountJudgement judgement = loaded.evaluate(RuleFixtures.account("ACC-1", "Acme", -40), List.of(),
				RuleFixtures.declineLimit("ACC-1", 20));
		assertThat(judgement.rulesVersion()).isEqualTo(version);
		assertThat(judgement.responses()).extracting(PlaybookResponse::playbookName)
			.containsExactly("usage-decline-rescue");

		RuleSet edited = RuleSet.load(dir);
		assertThat(edited.version()).isNotEqualTo(version).isEqualTo(sha256Of(dir, edited.source().paths()));
		assertThat(edited
			.evaluate(RuleFixtures.account("ACC-1", "Acme", -40), List.of(), RuleFixtures.declineLimit("ACC-1", 20))
			.responses()).isEmpty();
	}

	@Test
	void setCompiledFromKeptFilesHasTheSameVersionAndJudgesAlike(@TempDir Path temp) throws IOException {
		Path dir = RuleFixtures.copy(RuleFixtures.VALID, temp.resolve("rules"));
		RuleSet loaded = RuleSet.load(dir);
		Map<String, byte[]> kept = new LinkedHashMap<>();
		loaded.source().paths().forEach((path) -> kept.put(path, loaded.source().content(path).orElseThrow()));
		// the directory moves on; the kept files still compile into the same set
		Files.delete(dir.resolve(DECLINE));

		RuleSet recompiled = RuleSet.compile(RuleSetSource.of(dir, kept));

		assertThat(recompiled.version()).isEqualTo(loaded.version());
		AccountJudgement judgement = recompiled.evaluate(RuleFixtures.account("ACC-1", "Acme", -40), List.of(),
				RuleFixtures.declineLimit("ACC-1", 20));
		assertThat(judgement.rulesVersion()).isEqualTo(loaded.version());
		assertThat(judgement.responses()).extracting(PlaybookResponse::playbookName)
			.containsExactly("usage-decline-rescue");
	}

	@Test
	void keptFilesMustBeFilesOfARuleSet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RuleSetSource.of(Path.of("rules"),
					Map.of("usage/decline.scenarios.yml", "scenarios: []".getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("usage/decline.scenarios.yml");
	}

	private static String sha256Of(RuleSetSource source) {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		source.paths().forEach((path) -> contents.put(path, source.content(path).orElseThrow()));
		return sha256Of(contents);
	}

	private static String sha256Of(Path dir, Iterable<String> paths) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		for (String path : paths) {
			contents.put(path, Files.readAllBytes(dir.resolve(path)));
		}
		return sha256Of(contents);
	}

	// the documented recipe: paths and contents in path order, each followed by a zero
	// byte, the first 12 hex digits of the SHA-256
	private static String sha256Of(Map<String, byte[]> contents) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			contents.forEach((path, content) -> {
				digest.update(path.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(content);
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
