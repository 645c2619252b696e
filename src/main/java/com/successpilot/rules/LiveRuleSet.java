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

	// null: versions are not recorded (a set checked outside the application)
	private final RuleSetVersions versions;

	private volatile Status status = new Status(null, null, null);

	public LiveRuleSet(Path rulesDir, Clock clock) {
		this(rulesDir, clock, null);
	}

	/**
	 * @param versions where every version that goes live is recorded, and the last good
	 * one is found when the directory is broken before any set went live in this process
	 */
	public LiveRuleSet(Path rulesDir, Clock clock, RuleSetVersions versions) {
		this.rulesDir = rulesDir;
		this.clock = clock;
		this.versions = versions;
	}

	/**
	 * The rule set in force, loading it on first use.
	 * @throws InvalidRuleSetException when the directory is invalid and no earlier
	 * version can stand in (none went live before): the caller prints the report and
	 * refuses to run
	 */
	public RuleSet current() {
		RuleSet live = this.status.live();
		if (live == null) {
			synchronized (this) {
				if (this.status.live() == null) {
					try {
						loadOrStandIn(RuleSetVersions.How.LOAD, Actor.current());
					}
					catch (InvalidRuleSetException ex) {
						if (this.status.live() == null) {
							throw ex;
						}
						// the last good version stands in; the status says why
					}
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
	public RuleSetReport reload() {
		return reload(RuleSetVersions.How.RELOAD, Actor.current());
	}

	/**
	 * {@link #reload()}, saying how, for the version history.
	 */
	public RuleSetReport reload(RuleSetVersions.How how) {
		return reload(how, Actor.current());
	}

	/**
	 * {@link #reload()}, saying how and by whom, for the version history.
	 */
	public synchronized RuleSetReport reload(RuleSetVersions.How how, String by) {
		try {
			return loadOrStandIn(how, by).report();
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
	private RuleSet loadOrStandIn(RuleSetVersions.How how, String by) {
		Instant at = this.clock.instant();
		Status before = this.status;
		try {
			RuleSet loaded = RuleSet.load(this.rulesDir);
			// the same content read again has been live since it was first loaded
			boolean sameVersion = before.live() != null && before.live().version().equals(loaded.version());
			if (this.versions != null) {
				this.versions.wentLive(loaded.source(), how, by, null);
			}
			this.status = new Status(loaded, sameVersion ? before.loadedAt() : at,
					new LoadAttempt(at, loaded.report()));
			return loaded;
		}
		catch (InvalidRuleSetException ex) {
			RuleSet standIn = (before.live() != null) ? before.live() : lastGoodVersion().orElse(null);
			Instant liveSince = (before.live() != null) ? before.loadedAt() : at;
			this.status = new Status(standIn, liveSince, new LoadAttempt(at, ex.report()));
			throw ex;
		}
	}

	/**
	 * The version that went live last, compiled from its kept files: what stays in force
	 * when this process finds the directory broken before it has loaded any set.
	 */
	private Optional<RuleSet> lastGoodVersion() {
		if (this.versions == null) {
			return Optional.empty();
		}
		return this.versions.latest()
			.flatMap((activation) -> this.versions.find(activation.version(), this.rulesDir))
			.flatMap((source) -> {
				try {
					return Optional.of(RuleSet.compile(source));
				}
				catch (InvalidRuleSetException ex) {
					// kept files that no longer compile (e.g. after an upgrade) stand in
					// for nothing
					return Optional.empty();
				}
			});
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

		/**
		 * True when the files in the rules directory were refused the last time they were
		 * read and the last good version is in force instead of them.
		 */
		public boolean lastGoodInForce() {
			return this.live != null && this.lastAttempt != null && this.lastAttempt.refused();
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
