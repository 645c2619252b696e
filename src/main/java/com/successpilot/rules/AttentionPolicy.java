package com.successpilot.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * How CS ops spend a CSM's attention ({@code rules/attention.yml}): how tasks are ranked,
 * how many new tasks and urgent mails a CSM receives per day, and which changes to a
 * delivered task are worth a mail. Part of the rule set: validated and versioned with it.
 *
 * @param ranking the score of a task, 0 to 100
 * @param budget what reaches each CSM per day
 * @param thresholdMarginPct how much further (in % of the threshold) a task's main fact
 * must cross its threshold before the task is mailed again as changed
 * @param surgeGuard when a night's new tasks are held for review instead of mailed
 */
public record AttentionPolicy(Ranking ranking, Budget budget, double thresholdMarginPct, SurgeGuard surgeGuard) {

	/** The file in the rules directory. */
	public static final String FILE = "attention.yml";

	/**
	 * What applies when the rules directory has no {@code attention.yml}: the documented
	 * defaults.
	 */
	public static AttentionPolicy defaults() {
		return new AttentionPolicy(
				new Ranking(new Severity(40, 20, 5),
						new AccountValue(25, "USD", new BigDecimal("10000"), new BigDecimal("1000000"),
								Map.of("JPY", new BigDecimal("0.0067"))),
						new TimePressure(20, 14, 120), new HealthTrend(15, 20, 7)),
				new Budget(new Allowance(10, 30, 3), Map.of()), 10, new SurgeGuard(3, 7, 50));
	}

	/**
	 * A night that raises far more new tasks than the nights before — a rule or a feed
	 * gone wrong — is held for review: everything is recorded, but its mails wait until
	 * OPS release or discard the run.
	 *
	 * @param factor hold when the night's new tasks exceed this many times the median of
	 * the nights compared; 0 turns the guard off
	 * @param nights how many earlier nights (of the same job) the median is taken over;
	 * at least 3 must exist before the guard holds anything
	 * @param minimumNewTasks never hold a night with this many new tasks or fewer (small
	 * portfolios vary a lot from night to night)
	 */
	public record SurgeGuard(double factor, int nights, int minimumNewTasks) {

		/** The fewest earlier nights a median is taken over. */
		public static final int FEWEST_NIGHTS = 3;

		public boolean isOn() {
			return this.factor > 0;
		}

		/**
		 * The most new tasks a night may raise without being held, given the median of
		 * the nights before.
		 */
		public int limit(double median) {
			return (int) Math.max(this.minimumNewTasks, Math.floor(this.factor * median));
		}

	}

	/**
	 * The four parts of a task's score; their points add up to the most a task can score.
	 */
	public record Ranking(Severity severity, AccountValue accountValue, TimePressure timePressure,
			HealthTrend healthTrend) {

	}

	/**
	 * Points by the playbook's priority.
	 */
	public record Severity(double high, double medium, double low) {

		public double points(String priority) {
			return switch (priority.toLowerCase(Locale.ROOT)) {
				case "high" -> this.high;
				case "medium" -> this.medium;
				default -> this.low;
			};
		}

	}

	/**
	 * Points for the account's ARR, none at or below {@code floor}, all at or above
	 * {@code ceiling}, on a log scale in between; ARR in other currencies converted with
	 * {@code rates} into {@code currency}.
	 */
	public record AccountValue(double points, String currency, BigDecimal floor, BigDecimal ceiling,
			Map<String, BigDecimal> rates) {

		public AccountValue {
			rates = Map.copyOf(rates);
		}

	}

	/**
	 * Points for how soon the task is due or the renewal comes.
	 */
	public record TimePressure(double points, int dueWithinDays, int renewalWithinDays) {

	}

	/**
	 * Points for a falling health score.
	 */
	public record HealthTrend(double points, double dropForFullPoints, int comparedWithDaysAgo) {

	}

	/**
	 * The default allowance and the CSMs' own, by lower-case e-mail address.
	 */
	public record Budget(Allowance defaults, Map<String, Allowance> perCsm) {

		public Budget {
			perCsm = Map.copyOf(perCsm);
		}

		/**
		 * The allowance of a CSM: their own, or the default.
		 */
		public Allowance of(String csmEmail) {
			return (csmEmail != null) ? this.perCsm.getOrDefault(csmEmail.toLowerCase(Locale.ROOT), this.defaults)
					: this.defaults;
		}

	}

	/**
	 * What one CSM receives.
	 *
	 * @param newTasksPerDay new tasks delivered per day
	 * @param openTasksMax open tasks a CSM holds at most; closing tasks frees capacity
	 * @param urgentMailsPerDay mails about a single urgent task per day
	 */
	public record Allowance(int newTasksPerDay, int openTasksMax, int urgentMailsPerDay) {

	}

}
