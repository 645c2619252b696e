package com.successpilot.judgement.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.successpilot.metrics.AccountCase;
import com.successpilot.playbook.Playbook;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.PlaybookResponse;
import com.successpilot.rules.facts.HealthScore;

/**
 * The benchmark's floor: remembers, compactly, what the rules concluded for each account
 * (which playbooks, rules, periods, occurrences and health score), then replays the same
 * outcomes for the same accounts without evaluating a rule. The difference between the
 * two runs is what the rules cost.
 */
public final class OutcomeReplay {

	private final Map<String, Captured> byAccount = new ConcurrentHashMap<>();

	private volatile boolean recording;

	public void startRecording() {
		this.byAccount.clear();
		this.recording = true;
	}

	public void stopRecording() {
		this.recording = false;
	}

	public int recordedAccounts() {
		return this.byAccount.size();
	}

	void record(AccountJudgement judgement) {
		if (!this.recording) {
			return;
		}
		List<CapturedResponse> responses = judgement.responses()
			.stream()
			.map((response) -> new CapturedResponse(response.playbook(), response.rule(), response.periodKey(),
					response.occurrence()))
			.toList();
		this.byAccount.put(judgement.accountId(),
				new Captured(responses, judgement.health().orElse(null), judgement.rulesVersion()));
	}

	ItemProcessor<AccountCase, JudgedAccount> replayer() {
		return (account) -> {
			Captured captured = this.byAccount.get(account.facts().getAccountId());
			if (captured == null) {
				return new JudgedAccount(account, new AccountJudgement(account.facts().getAccountId(), "floor",
						List.of(), Optional.empty(), Map.of(), List.of()));
			}
			List<PlaybookResponse> responses = captured.responses()
				.stream()
				.map((response) -> new PlaybookResponse(account.facts().getAccountId(), response.playbook(),
						response.rule(), "replayed without rule evaluation", Map.of(), Map.of(), response.periodKey(),
						response.occurrence(), account.facts().getRunDate(), Map.of()))
				.toList();
			Map<String, Integer> firings = new java.util.HashMap<>();
			responses.forEach((response) -> firings.merge(response.rule(), 1, Integer::sum));
			return new JudgedAccount(account, new AccountJudgement(account.facts().getAccountId(),
					captured.rulesVersion(), responses, Optional.ofNullable(captured.health()), firings, List.of()));
		};
	}

	private record Captured(List<CapturedResponse> responses, HealthScore health, String rulesVersion) {

	}

	private record CapturedResponse(Playbook playbook, String rule, String periodKey, String occurrence) {

	}

}
