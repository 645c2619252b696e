package com.successpilot.judgement.internal;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.successpilot.metrics.AccountCase;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.RuleSet;

/**
 * Judges one account with the rule set pinned when the judgement step started. Rules
 * never do I/O: this only evaluates; the writer records. Holds no state of its own, so
 * the partitions that share it cannot see each other's.
 */
final class AccountJudge implements ItemProcessor<AccountCase, JudgedAccount> {

	private final RuleSetPin pin;

	private final OutcomeReplay replay;

	AccountJudge(RuleSetPin pin, OutcomeReplay replay) {
		this.pin = pin;
		this.replay = replay;
	}

	@Override
	public JudgedAccount process(AccountCase account) {
		RuleSet ruleSet = this.pin.ruleSetOf(StepSynchronizationManager.getContext().getStepExecution());
		AccountJudgement judgement = ruleSet.evaluate(account.facts(), account.goals(), account.thresholds());
		this.replay.record(judgement);
		return new JudgedAccount(account, judgement);
	}

}
