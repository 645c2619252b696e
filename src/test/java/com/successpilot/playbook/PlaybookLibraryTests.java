package com.successpilot.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybookLibraryTests {

	@Test
	void playbookIsReadWithItsTasksAndSettings() throws IOException {
		PlaybookLibrary library = PlaybookLibrary.load(Path.of("src/test/resources/rules-fixtures/valid"));

		assertThat(library.problems()).isEmpty();
		Playbook playbook = library.find("usage-decline-rescue").orElseThrow();
		assertThat(playbook.type()).isEqualTo(TaskType.RISK);
		assertThat(playbook.priority()).isEqualTo(Priority.HIGH);
		assertThat(playbook.dedup()).isEqualTo(DedupPeriod.MONTH);
		assertThat(playbook.autoClose()).isTrue();
		assertThat(playbook.urgent()).isFalse();
		assertThat(playbook.file()).isEqualTo("playbooks/usage-decline-rescue.yml");
		assertThat(playbook.tasks()).singleElement().satisfies((task) -> assertThat(task.dueInDays()).isEqualTo(3));
	}

	@Test
	void everyProblemOfAPlaybookFileIsReportedWithItsLine(@TempDir Path rules) throws IOException {
		Files.createDirectories(rules.resolve("playbooks"));
		Files.writeString(rules.resolve("playbooks/call-them.yml"), """
				name: call-them-now
				type: risk
				priority: urgentish
				dedup: weekly
				colour: red
				tasks:
				  - title: Call
				    due-in-days: soon
				""");
		Files.writeString(rules.resolve("playbooks/broken.yml"), "name: broken\ntasks: [\n");

		PlaybookLibrary library = PlaybookLibrary.load(rules);

		assertThat(library.size()).isZero();
		assertThat(library.problems()).extracting(PlaybookProblem::toString)
			.contains("playbooks/call-them.yml:1: the name 'call-them-now' must match the file name 'call-them.yml'",
					"playbooks/call-them.yml:3: 'priority' must be one of high, medium, low, not 'urgentish'",
					"playbooks/call-them.yml:4: 'dedup' must be one of none, month, quarter, renewal, not 'weekly'",
					"playbooks/call-them.yml:8: 'due-in-days' must be a whole number of days, not 'soon'")
			.anySatisfy((problem) -> assertThat(problem).startsWith("playbooks/call-them.yml:5: unknown key 'colour'"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("playbooks/broken.yml:3: not valid YAML"));
	}

	@Test
	void placeholdersAreFilledAsAPersonWritesNumbersAndUnknownOnesStayVisible() {
		String text = PlaceholderText.fill("{accountName}: down {trend}% ({missing})",
				Map.of("accountName", "Acme", "trend", -34.56));

		assertThat(text).isEqualTo("Acme: down -34.6% ({missing})");
	}

	@Test
	void changesInPercentShowTheirSizeInWholePercentAndBigNumbersAreGrouped() {
		Map<String, Object> values = Map.of("trend", -51.4, "score", 38.333333333333336, "arr", 12_000_000L, "seats",
				250.0);

		assertThat(PlaceholderText.fill("down {trend|change} %, score {score}, ARR {arr}, {seats} seats", values))
			.isEqualTo("down 51 %, score 38.3, ARR 12,000,000, 250 seats");
		assertThat(PlaceholderText.fill("{trend|change} % 減", values)).isEqualTo("51 % 減");
	}

	@Test
	void textsAreReadInEachLanguageWithStepsAndAMissingLanguageFallsBackToTheOther(@TempDir Path rules)
			throws IOException {
		Files.createDirectories(rules.resolve("playbooks"));
		Files.writeString(rules.resolve("playbooks/call-them.yml"), """
				name: call-them
				description: {ja: "電話する", en: "Call them"}
				type: risk
				priority: high
				why:
				  en: "Only {days} days left"
				tasks:
				  - title:
				      ja: "{accountName}に電話する"
				      en: "Call {accountName}"
				    description: "Plain text for everybody"
				    due-in-days: 2
				steps:
				  - text: {ja: "準備する", en: "Prepare"}
				    due-in-days: 1
				  - text: {en: "Call the sponsor"}
				    due-in-days: 3
				""");

		PlaybookLibrary library = PlaybookLibrary.load(rules);

		assertThat(library.problems()).isEmpty();
		Playbook playbook = library.find("call-them").orElseThrow();
		TaskTemplate task = playbook.tasks().get(0);
		Map<String, Object> values = Map.of("accountName", "Acme");
		assertThat(task.title("ja", values)).isEqualTo("Acmeに電話する");
		assertThat(task.title("en", values)).isEqualTo("Call Acme");
		assertThat(task.description("ja", values)).isEqualTo("Plain text for everybody");
		assertThat(playbook.description().in("ja")).isEqualTo("電話する");
		assertThat(playbook.why().in("ja")).isEqualTo("Only {days} days left");
		assertThat(playbook.why().withoutFallback("ja")).isNull();
		assertThat(playbook.steps()).extracting((step) -> step.text().in("ja"), PlaybookStep::dueInDays)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("準備する", 1),
					org.assertj.core.groups.Tuple.tuple("Call the sponsor", 3));
		assertThat(library.untranslated(java.util.List.of("ja", "en"))).extracting(PlaybookProblem::toString)
			.containsExactlyInAnyOrder("playbooks/call-them.yml: 'why' has no ja text",
					"playbooks/call-them.yml: 'tasks[1].description' has no ja text",
					"playbooks/call-them.yml: 'tasks[1].description' has no en text",
					"playbooks/call-them.yml: 'steps[2].text' has no ja text");
	}

	@Test
	void everyStarterPlaybookSpeaksJapaneseAndEnglishAndHasSteps() throws IOException {
		PlaybookLibrary library = PlaybookLibrary.load(Path.of("rules"));

		assertThat(library.problems()).isEmpty();
		assertThat(library.size()).isEqualTo(18);
		assertThat(library.untranslated(java.util.List.of("ja", "en"))).isEmpty();
		assertThat(library.all()).allSatisfy((playbook) -> {
			assertThat(playbook.steps()).hasSizeBetween(2, 4);
			assertThat(playbook.why().withoutFallback("ja")).isNotBlank();
		});
	}

	@Test
	void dedupPeriodNamesTheMonthQuarterOrRenewal() {
		LocalDate runDate = LocalDate.of(2026, 11, 23);

		assertThat(DedupPeriod.MONTH.periodKey(runDate, 40)).isEqualTo("2026-11");
		assertThat(DedupPeriod.QUARTER.periodKey(runDate, 40)).isEqualTo("2026-Q4");
		assertThat(DedupPeriod.RENEWAL.periodKey(runDate, 40)).isEqualTo("renewal-2027-01-02");
		assertThat(DedupPeriod.NONE.periodKey(runDate, 40)).isEmpty();
	}

}
