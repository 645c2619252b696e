package com.successpilot.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one success goal agreed with the customer stands in its current period (a month
 * like {@code 2026-10} or a quarter like {@code 2026-Q4}). A period still running is
 * judged on the part of its target due by the run date ({@code proRataTarget}), so a
 * customer is not called off track on day 3 of a month for missing the whole month's
 * target; a finished period is judged on its full target.
 */
public final class GoalProgress {

	private final String accountId;

	private final String goalId;

	private final String goalName;

	private final String metric;

	private final String unit;

	private final BigDecimal baseline;

	private final BigDecimal target;

	private final LocalDate dueDate;

	private final int daysToDue;

	private final String currentPeriod;

	private final BigDecimal periodTarget;

	private final BigDecimal periodActual;

	private final Double elapsedPct;

	private final BigDecimal proRataTarget;

	private final Double attainmentPct;

	private final boolean achieved;

	private GoalProgress(Builder b) {
		this.accountId = b.accountId;
		this.goalId = b.goalId;
		this.goalName = b.goalName;
		this.metric = b.metric;
		this.unit = b.unit;
		this.baseline = b.baseline;
		this.target = b.target;
		this.dueDate = b.dueDate;
		this.daysToDue = b.daysToDue;
		this.currentPeriod = b.currentPeriod;
		this.periodTarget = b.periodTarget;
		this.periodActual = b.periodActual;
		this.elapsedPct = b.elapsedPct;
		this.proRataTarget = b.proRataTarget;
		this.attainmentPct = b.attainmentPct;
		this.achieved = b.achieved;
	}

	public static Builder builder() {
		return new Builder();
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getGoalId() {
		return this.goalId;
	}

	public String getGoalName() {
		return this.goalName;
	}

	public String getMetric() {
		return this.metric;
	}

	public String getUnit() {
		return this.unit;
	}

	public BigDecimal getBaseline() {
		return this.baseline;
	}

	public BigDecimal getTarget() {
		return this.target;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public int getDaysToDue() {
		return this.daysToDue;
	}

	public String getCurrentPeriod() {
		return this.currentPeriod;
	}

	public BigDecimal getPeriodTarget() {
		return this.periodTarget;
	}

	public BigDecimal getPeriodActual() {
		return this.periodActual;
	}

	/**
	 * How much of the current period has passed by the run date, the run date counted, in
	 * %: 10 days of a 30-day month is {@code 33.3}; 100 once the period is over.
	 * {@code null} without a period.
	 */
	public Double getElapsedPct() {
		return this.elapsedPct;
	}

	/**
	 * The target due by the run date: from where the period starts (the previous period's
	 * target, or the goal's baseline in its first period) towards the period's target, as
	 * far as the period has elapsed; the full period target once it is over. {@code null}
	 * without a period.
	 */
	public BigDecimal getProRataTarget() {
		return this.proRataTarget;
	}

	/**
	 * The period's actual against {@link #getProRataTarget()}, in % (100 = on pace; for a
	 * goal whose target is below its baseline, the target ÷ the actual). {@code null}
	 * without a reported actual.
	 */
	public Double getAttainmentPct() {
		return this.attainmentPct;
	}

	public boolean isAchieved() {
		return this.achieved;
	}

	@Override
	public String toString() {
		return "GoalProgress[" + this.goalId + " " + this.goalName + " " + this.currentPeriod + " " + this.attainmentPct
				+ "%]";
	}

	public static final class Builder {

		private String accountId;

		private String goalId;

		private String goalName;

		private String metric;

		private String unit;

		private BigDecimal baseline;

		private BigDecimal target;

		private LocalDate dueDate;

		private int daysToDue;

		private String currentPeriod;

		private BigDecimal periodTarget;

		private BigDecimal periodActual;

		private Double elapsedPct;

		private BigDecimal proRataTarget;

		private Double attainmentPct;

		private boolean achieved;

		private Builder() {
		}

		public Builder accountId(String accountId) {
			this.accountId = accountId;
			return this;
		}

		public Builder goalId(String goalId) {
			this.goalId = goalId;
			return this;
		}

		public Builder goalName(String goalName) {
			this.goalName = goalName;
			return this;
		}

		public Builder metric(String metric) {
			this.metric = metric;
			return this;
		}

		public Builder unit(String unit) {
			this.unit = unit;
			return this;
		}

		public Builder baseline(BigDecimal baseline) {
			this.baseline = baseline;
			return this;
		}

		public Builder target(BigDecimal target) {
			this.target = target;
			return this;
		}

		public Builder dueDate(LocalDate dueDate) {
			this.dueDate = dueDate;
			return this;
		}

		public Builder daysToDue(int daysToDue) {
			this.daysToDue = daysToDue;
			return this;
		}

		public Builder currentPeriod(String currentPeriod) {
			this.currentPeriod = currentPeriod;
			return this;
		}

		public Builder periodTarget(BigDecimal periodTarget) {
			this.periodTarget = periodTarget;
			return this;
		}

		public Builder periodActual(BigDecimal periodActual) {
			this.periodActual = periodActual;
			return this;
		}

		public Builder elapsedPct(Double elapsedPct) {
			this.elapsedPct = elapsedPct;
			return this;
		}

		public Builder proRataTarget(BigDecimal proRataTarget) {
			this.proRataTarget = proRataTarget;
			return this;
		}

		public Builder attainmentPct(Double attainmentPct) {
			this.attainmentPct = attainmentPct;
			return this;
		}

		public Builder achieved(boolean achieved) {
			this.achieved = achieved;
			return this;
		}

		public GoalProgress build() {
			return new GoalProgress(this);
		}

	}

}
