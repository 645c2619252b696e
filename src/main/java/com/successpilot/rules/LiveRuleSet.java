package com.successpilot.rules;

import java.nio.file.Path;
import java.util.List;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.Threshold;

/**
 * The rule set in force, read from the rules directory. It is loaded when first needed;
 * {@link #reload()} swaps in the directory's current content only when it is valid, so an
 * invalid edit never goes live and the last good set keeps running. Thread-safe.
 */
public final class LiveRuleSet {

	private final Path rulesDir;

	private volatile RuleSet current;

	public LiveRuleSet(Path rulesDir) {
		this.rulesDir = rulesDir;
	}

	/**
	 * The rule set in force, loading it on first use.
	 * @throws InvalidRuleSetException when nothing valid has been loaded yet and the
	 * directory is invalid: the caller prints the report and refuses to run
	 */
	public RuleSet current() {
		RuleSet live = this.current;
		if (live == null) {
			synchronized (this) {
				if (this.current == null) {
					this.current = RuleSet.load(this.rulesDir);
				}
				live = this.current;
			}
		}
		return live;
	}

	/**
	 * Reads the directory again. When valid, the new set is in force from the next
	 * evaluation (ones under way finish with the old set); when invalid, the previous set
	 * stays in force and the report says why the new one was refused.
	 * @return the report of the directory read: {@link RuleSetReport#isValid()} false
	 * means refused
	 */
	public synchronized RuleSetReport reload() {
		try {
			RuleSet reloaded = RuleSet.load(this.rulesDir);
			this.current = reloaded;
			return reloaded.report();
		}
		catch (InvalidRuleSetException ex) {
			return ex.report();
		}
	}

	/**
	 * Judges one account with the rule set in force; see
	 * {@link RuleSet#evaluate(AccountFacts, List, List)}.
	 */
	public AccountJudgement evaluate(AccountFacts account, List<GoalProgress> goals, List<Threshold> thresholds) {
		return current().evaluate(account, goals, thresholds);
	}

	public Path rulesDir() {
		return this.rulesDir;
	}

}
