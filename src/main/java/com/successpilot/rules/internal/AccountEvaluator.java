package com.successpilot.rules.internal;

import java.util.List;
import java.util.Optional;

import org.kie.api.runtime.KieSession;

import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.HealthScore;
import com.successpilot.rules.facts.Threshold;

/**
 * Judges one account in a session of its own, so a failing rule affects that account only
 * and concurrent callers never share a session; the knowledge base is shared and
 * thread-safe. (Re-using one emptied session per thread was measured as no faster on the
 * starter library, so the simpler way stays.)
 */
public final class AccountEvaluator {

	/** More firings than this for one account means rules re-trigger each other. */
	static final int MAX_FIRINGS = 10_000;

	private final CompiledRuleSet rules;

	public AccountEvaluator(CompiledRuleSet rules) {
		this.rules = rules;
	}

	public AccountJudgement evaluate(AccountFacts account, List<GoalProgress> goals, List<Threshold> thresholds) {
		return evaluate(account, goals, thresholds, true);
	}

	/**
	 * Judges one account.
	 * @param worded whether each response's reason is put into words; without, the
	 * decisions (playbooks, periods, occurrences, health, firings, errors) are the same
	 * and each reason is {@code null}
	 */
	public AccountJudgement evaluate(AccountFacts account, List<GoalProgress> goals, List<Threshold> thresholds,
			boolean worded) {
		SessionOutcomes outcomes = new SessionOutcomes(this.rules.playbooks());
		outcomes.begin(account);
		KieSession session = this.rules.kieBase().newKieSession();
		HealthScore health = null;
		try {
			session.addEventListener(outcomes);
			if (this.rules.declaresPlaybookGlobal()) {
				session.setGlobal("playbook", outcomes);
			}
			session.insert(account);
			goals.forEach(session::insert);
			thresholds.forEach(session::insert);
			int fired = session.fireAllRules(MAX_FIRINGS);
			if (fired >= MAX_FIRINGS) {
				outcomes.failed(outcomes.firingRule(),
						"rules fired " + MAX_FIRINGS + " times for one account: they keep re-triggering each other");
			}
			health = session.getObjects(HealthScore.class::isInstance)
				.stream()
				.map(HealthScore.class::cast)
				.findFirst()
				.orElse(null);
		}
		catch (RuntimeException ex) {
			outcomes.failed(outcomes.firingRule(), ex);
		}
		finally {
			session.dispose();
		}
		return new AccountJudgement(account.getAccountId(), this.rules.report().version(), outcomes.responses(worded),
				Optional.ofNullable(health), outcomes.firings(), outcomes.errors());
	}

}
