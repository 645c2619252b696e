package com.successpilot.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.successpilot.rules.facts.AccountFacts;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEvaluationTests {

	private final RuleSet valid = RuleSet.load(RuleFixtures.VALID);

	@Test
	void responseSaysWhichRuleRaisedItWhyAndOnWhatEvidence() {
		AccountJudgement judgement = this.valid.evaluate(RuleFixtures.account("ACC-000123", "Acme", -34.56), List.of(),
				RuleFixtures.declineLimit("ACC-000123", 20));

		assertThat(judgement.errors()).isEmpty();
		PlaybookResponse response = judgement.responses().get(0);
		assertThat(response.rule()).isEqualTo("Usage declining beyond the threshold");
		assertThat(response.reason()).isEqualTo("Active users down -34.6% (limit 20%)");
		assertThat(response.facts()).containsEntry("activeUsersTrendPct", -34.56);
		assertThat(response.thresholds()).containsEntry("usage_decline_pct", 20.0);
		assertThat(response.dedupKey()).isEqualTo("usage-decline-rescue|ACC-000123|2026-10");
		assertThat(response.taskDrafts()).singleElement().satisfies((task) -> {
			assertThat(task.title()).isEqualTo("Find out why usage at Acme is falling (-34.6%)");
			assertThat(task.dueDate()).isEqualTo(LocalDate.of(2026, 10, 18));
		});
		assertThat(judgement.firings()).containsEntry("Usage declining beyond the threshold", 1);
	}

	@Test
	void decisionTableRowsRaisePlaybooksToo() {
		AccountFacts busy = AccountFacts.builder()
			.accountId("ACC-2")
			.accountName("Busy")
			.runDate(LocalDate.of(2026, 11, 1))
			.openTickets(9)
			.build();

		AccountJudgement judgement = this.valid.evaluate(busy, List.of(), List.of());

		assertThat(judgement.responses()).singleElement().satisfies((response) -> {
			assertThat(response.rule()).isEqualTo("Support effort review");
			assertThat(response.dedupKey()).isEqualTo("support-effort-review|ACC-2|2026-Q4");
		});
	}

	@Test
	void ruleThatThrowsForOneAccountIsRecordedAndEveryOtherAccountIsStillJudged() {
		RuleSet throwing = RuleSet.load(RuleFixtures.THROWING);

		AccountJudgement broken = throwing.evaluate(RuleFixtures.account("ACC-9", "Broken Corp", 0), List.of(),
				List.of());
		AccountJudgement fine = throwing.evaluate(RuleFixtures.account("ACC-1", "Acme", 0), List.of(), List.of());

		assertThat(broken.errors()).singleElement().satisfies((error) -> {
			assertThat(error.rule()).isEqualTo("Fails for one account");
			assertThat(error.accountId()).isEqualTo("ACC-9");
			assertThat(error.message()).contains("cannot judge Broken Corp");
		});
		assertThat(broken.responses()).as("the account's other rules still run").hasSize(1);
		assertThat(fine.errors()).isEmpty();
		assertThat(fine.responses()).extracting(PlaybookResponse::playbookName).containsExactly("check-in");
	}

	@Test
	void concurrentEvaluationsGiveTheSameJudgementsAsOneThread() throws Exception {
		List<AccountFacts> accounts = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			accounts.add(RuleFixtures.account("ACC-" + i, "Account " + i, -(i % 50)));
		}
		List<Integer> sequential = accounts.stream().map(this::responseCount).toList();

		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> futures = new ArrayList<>();
			for (AccountFacts account : accounts) {
				futures.add(threads.submit(() -> responseCount(account)));
			}
			List<Integer> concurrent = new ArrayList<>();
			for (Future<Integer> future : futures) {
				concurrent.add(future.get());
			}
			assertThat(concurrent).isEqualTo(sequential);
		}
		finally {
			threads.shutdown();
		}
	}

	private int responseCount(AccountFacts account) {
		return this.valid.evaluate(account, List.of(), RuleFixtures.declineLimit(account.getAccountId(), 20))
			.responses()
			.size();
	}

}
