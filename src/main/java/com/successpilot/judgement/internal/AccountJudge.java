package com.successpilot.judgement.internal;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.successpilot.metrics.AccountCase;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;

/**
 * Judges one account with the rule set that was live when the step started. Rules never
 * do I/O: this only evaluates; the writer records.
 */
final class AccountJudge implements ItemProcessor<AccountCase, JudgedAccount>, StepExecutionListener,
		JudgementWriter.RulesVersionSource {

	private final LiveRuleSet liveRuleSet;

	private final OutcomeReplay replay;

	private volatile RuleSet ruleSet;

	AccountJudge(LiveRuleSet liveRuleSet, OutcomeReplay replay) {
		this.liveRuleSet = liveRuleSet;
		this.replay = replay;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.ruleSet = this.liveRuleSet.current();
	}

	@Override
	public String rulesVersion() {
		return this.ruleSet.version();
	}

	@Override
	public AttentionPolicy attention() {
		return this.ruleSet.attention();
	}

	@Override
	public JudgedAccount process(AccountCase account) {
		AccountJudgement judgement = this.ruleSet.evaluate(account.facts(), account.goals(), account.thresholds());
		this.replay.record(judgement);
		return new JudgedAccount(account, judgement);
	}

}
