package com.successpilot.rules;

import java.nio.file.Path;
import java.util.List;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.Threshold;
import com.successpilot.rules.internal.AccountEvaluator;
import com.successpilot.rules.internal.CompiledRuleSet;
import com.successpilot.rules.internal.RuleSetCompiler;

/**
 * A valid, compiled rule set read from a rules directory: rules, decision tables,
 * playbooks and attention policy, with its version, the hash of the bytes it was compiled
 * from ({@link #source()}). Immutable and safe to share between threads: every
 * {@link #evaluate evaluation} runs in a session of its own.
 */
public final class RuleSet {

	private final CompiledRuleSet compiled;

	private final AccountEvaluator evaluator;

	private RuleSet(CompiledRuleSet compiled) {
		this.compiled = compiled;
		this.evaluator = new AccountEvaluator(compiled);
	}

	/**
	 * Compiles the directory only to report on it: what {@code validate} prints.
	 */
	public static RuleSetReport validate(Path rulesDir) {
		return RuleSetCompiler.compile(rulesDir).report();
	}

	/**
	 * Compiles the directory.
	 * @throws InvalidRuleSetException when it has any problem; its report lists them all
	 */
	public static RuleSet load(Path rulesDir) {
		return valid(RuleSetCompiler.compile(rulesDir));
	}

	/**
	 * Compiles files already read, e.g. the kept files of an earlier version.
	 * @throws InvalidRuleSetException when they have any problem; its report lists them
	 * all
	 */
	public static RuleSet compile(RuleSetSource source) {
		return valid(RuleSetCompiler.compile(source));
	}

	private static RuleSet valid(CompiledRuleSet compiled) {
		if (!compiled.isValid()) {
			throw new InvalidRuleSetException(compiled.report());
		}
		return new RuleSet(compiled);
	}

	/**
	 * Judges one account: its facts, the current period of each of its success goals, and
	 * the thresholds that apply to it (segment defaults merged with the values agreed
	 * with this account, one per name; a declared name missing from them takes the
	 * catalogue's default for the account's segment). Never throws for a failing rule:
	 * the error is in the judgement and the other rules still run.
	 */
	public AccountJudgement evaluate(AccountFacts account, List<GoalProgress> goals, List<Threshold> thresholds) {
		return this.evaluator.evaluate(account, goals,
				thresholds().completed(account.getAccountId(), account.getSegment(), thresholds));
	}

	/**
	 * Judges one account as {@link #evaluate} does, for its decisions only: the same
	 * playbooks raised with the same periods and occurrences, the same health score,
	 * firings and errors, but no reason put into words (each response's
	 * {@link PlaybookResponse#reason() reason} is {@code null}). For callers that compare
	 * outcomes and show no text, such as a preview of a rule change.
	 */
	public AccountJudgement decide(AccountFacts account, List<GoalProgress> goals, List<Threshold> thresholds) {
		return this.evaluator.evaluate(account, goals,
				thresholds().completed(account.getAccountId(), account.getSegment(), thresholds), false);
	}

	/**
	 * The thresholds declared in {@code thresholds.yml}, with their ranges and segment
	 * defaults (absent when the set has no such file).
	 */
	public ThresholdCatalogue thresholds() {
		return this.compiled.thresholds();
	}

	/**
	 * The hash of the bytes the set was compiled from; see
	 * {@link RuleSetSource#version()}.
	 */
	public String version() {
		return this.compiled.source().version();
	}

	/**
	 * The bytes the set was compiled from, as they were read.
	 */
	public RuleSetSource source() {
		return this.compiled.source();
	}

	public RuleSetReport report() {
		return this.compiled.report();
	}

	/**
	 * The files the set was compiled from, and the scenario files beside them.
	 */
	public List<RuleFile> files() {
		return this.compiled.files();
	}

	/**
	 * How tasks are ranked and how much reaches each CSM ({@code attention.yml}).
	 */
	public AttentionPolicy attention() {
		return this.compiled.attention();
	}

	/**
	 * The name of every rule in the set (DRL rules and decision table rows), sorted: the
	 * rules a run reports firing counts for, those that fired zero times included.
	 */
	public List<String> ruleNames() {
		return this.compiled.kieBase()
			.getKiePackages()
			.stream()
			.flatMap((kiePackage) -> kiePackage.getRules().stream())
			.map(org.kie.api.definition.rule.Rule::getName)
			.sorted()
			.distinct()
			.toList();
	}

	public PlaybookLibrary playbooks() {
		return this.compiled.playbooks();
	}

	public Path rulesDir() {
		return this.compiled.report().rulesDir();
	}

}
