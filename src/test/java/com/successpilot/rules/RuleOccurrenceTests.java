package com.successpilot.rules;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.successpilot.rules.facts.AccountFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule names with {@code .occurrence(...)} reaches the response the task is made
 * from, unchanged except trimmed and cut to length, and never changes the deduplication
 * key by itself.
 */
class RuleOccurrenceTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 10, 15);

	private final RuleSet rules = RuleSet.load(RuleFixtures.OCCURRENCE);

	@Test
	void ruleThatNamesTheNpsAnswerCarriesItOnTheResponse() {
		PlaybookResponse response = onlyResponse(detractor("  NPS-2026-0042 "));

		assertThat(response.rule()).isEqualTo("NPS detractor answer");
		assertThat(response.occurrence()).isEqualTo("NPS-2026-0042");
		assertThat(response.dedupKey()).as("the occurrence is the lead's to build into the key")
			.isEqualTo("detractor-call|ACC-7|2026-Q4");
	}

	@Test
	void aNewNpsAnswerIsANewOccurrenceOfTheSamePlaybook() {
		PlaybookResponse first = onlyResponse(detractor("NPS-1"));
		PlaybookResponse next = onlyResponse(detractor("NPS-2"));

		assertThat(first.playbookName()).isEqualTo(next.playbookName());
		assertThat(first.occurrence()).isNotEqualTo(next.occurrence());
	}

	@Test
	void ruleThatNamesNoOccurrenceLeavesItEmpty() {
		AccountFacts unanswered = AccountFacts.builder().accountId("ACC-8").accountName("Quiet").runDate(NIGHT).build();

		PlaybookResponse response = onlyResponse(unanswered);

		assertThat(response.rule()).isEqualTo("No NPS answer yet");
		assertThat(response.occurrence()).isEmpty();
	}

	@Test
	void occurrenceNamedAsNullIsNone() {
		assertThat(onlyResponse(detractor(null)).occurrence()).isEmpty();
	}

	@Test
	void longOccurrenceIsCutTo150Characters() {
		String longId = "NPS-" + "9".repeat(200);

		assertThat(onlyResponse(detractor(longId)).occurrence()).hasSize(150).isEqualTo(longId.substring(0, 150));
	}

	private PlaybookResponse onlyResponse(AccountFacts account) {
		AccountJudgement judgement = this.rules.evaluate(account, List.of(), List.of());
		assertThat(judgement.errors()).isEmpty();
		assertThat(judgement.responses()).hasSize(1);
		return judgement.responses().get(0);
	}

	private static AccountFacts detractor(String answerId) {
		return AccountFacts.builder()
			.accountId("ACC-7")
			.accountName("Detractor Ltd")
			.runDate(NIGHT)
			.latestNps(3)
			.latestNpsResponseId(answerId)
			.latestNpsAnsweredOn(NIGHT.minusDays(2))
			.build();
	}

}
