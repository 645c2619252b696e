package com.successpilot.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.Threshold;

/**
 * The rule set in force, read from the rules directory. It is loaded when first needed;
 * {@link #reload()} swaps in the directory's current content only when it is valid, so an
 * invalid edit never goes live and the last good set keeps running. It remembers when the
 * set in force went live and how the last attempt to load one ended, for operators
 * ({@link #status()}). Thread-safe: loads are serialised, and what readers see is one
 * immutable {@link Status}.
 */
public final class LiveRuleSet {

	private final Path rulesDir;

	private final Clock clock;

	private volatile Status status = new Status(null, null, null);

	public LiveRuleSet(Path rulesDir, Clock clock) {
		this.rulesDir = rulesDir;
		this.clock = clock;
	}

	/**
	 * The rule set in force, loading it on first use.
	 * @throws InvalidRuleSetException when nothing valid has been loaded yet and the
	 * directory is invalid: the caller prints the report and refuses to run
	 */
	public RuleSet current() {
		RuleSet live = this.status.live();
		if (live == null) {
			synchronized (this) {
				if (this.status.live() == null) {
					load();
				}
				live = this.status.live();
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
			return load().report();
		}
		catch (InvalidRuleSetException ex) {
			return ex.report();
		}
	}

	/**
	 * What is in force and how the last load went, without reading the directory.
	 */
	public Status status() {
		return this.status;
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

	// callers hold the lock
	private RuleSet load() {
		Instant at = this.clock.instant();
		Status before = this.status;
		try {
			RuleSet loaded = RuleSet.load(this.rulesDir);
			// the same content read again has been live since it was first loaded
			boolean sameVersion = before.live() != null && before.live().version().equals(loaded.version());
			this.status = new Status(loaded, sameVersion ? before.loadedAt() : at,
					new LoadAttempt(at, loaded.report()));
			return loaded;
		}
		catch (InvalidRuleSetException ex) {
			this.status = new Status(before.live(), before.loadedAt(), new LoadAttempt(at, ex.report()));
			throw ex;
		}
	}

	/**
	 * The rule set in force and the last attempt to load one.
	 *
	 * @param live the set in force, or null when no valid set has been loaded yet
	 * @param loadedAt when the version in force was first loaded, or null
	 * @param lastAttempt the last load or reload, or null when none has been tried yet
	 */
	public record Status(RuleSet live, Instant loadedAt, LoadAttempt lastAttempt) {

		public Optional<RuleSet> liveSet() {
			return Optional.ofNullable(this.live);
		}

		public Optional<LoadAttempt> lastLoadAttempt() {
			return Optional.ofNullable(this.lastAttempt);
		}

	}

	/**
	 * One attempt to read the rules directory into the set in force.
	 *
	 * @param at when
	 * @param report what was read; when it has problems the attempt was refused and the
	 * set in force (if any) stayed
	 */
	public record LoadAttempt(Instant at, RuleSetReport report) {

		public boolean refused() {
			return !this.report.isValid();
		}

	}

}
