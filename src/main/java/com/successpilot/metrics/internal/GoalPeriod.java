package com.successpilot.metrics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One period of a success goal (a month or a quarter) and what the customer is held to in
 * it on a run date. While the period runs, the target due is pro rata: the goal moves
 * from where the period starts towards the period's target in a straight line, as the
 * targets from one period to the next do, so day 10 of 30 expects a third of the way.
 * Once the period is over, its full target is due.
 *
 * @param label the period as the customer names it, e.g. {@code 2026-10}
 * @param start the period's first day
 * @param end the period's last day
 * @param startsFrom where the period starts: the previous period's target, or the goal's
 * baseline in its first period
 * @param target the period's target
 * @param actual the reported actual, {@code null} when not reported
 */
record GoalPeriod(String label, LocalDate start, LocalDate end, BigDecimal startsFrom, BigDecimal target,
		BigDecimal actual) {

	/**
	 * Days of the period passed by the run date, the run date counted: 1 on its first
	 * day, all of them from its last day on.
	 */
	long elapsedDays(LocalDate runDate) {
		long elapsed = ChronoUnit.DAYS.between(this.start, runDate) + 1;
		return Math.max(0, Math.min(elapsed, days()));
	}

	long days() {
		return ChronoUnit.DAYS.between(this.start, this.end) + 1;
	}

	/**
	 * The share of the period passed by the run date, in % with one decimal.
	 */
	double elapsedPct(LocalDate runDate) {
		return Math.round(elapsedDays(runDate) * 1000.0 / days()) / 10.0;
	}

	/**
	 * The target due by the run date: the full target once the period is over.
	 */
	BigDecimal proRataTarget(LocalDate runDate) {
		long elapsed = elapsedDays(runDate);
		if (elapsed >= days()) {
			return this.target;
		}
		BigDecimal way = this.target.subtract(this.startsFrom)
			.multiply(BigDecimal.valueOf(elapsed))
			.divide(BigDecimal.valueOf(days()), 10, RoundingMode.HALF_UP);
		return this.startsFrom.add(way).setScale(4, RoundingMode.HALF_UP);
	}

	/**
	 * The actual against the target due by the run date, in % with one decimal (100 = on
	 * pace); {@code null} without an actual, or when either is zero.
	 * @param lowerIsBetter the goal's target is below its baseline (hours, churn …), so
	 * being under the target due is ahead
	 */
	Double attainmentPct(LocalDate runDate, boolean lowerIsBetter) {
		BigDecimal due = proRataTarget(runDate);
		if (this.actual == null || due.signum() == 0 || this.actual.signum() == 0) {
			return null;
		}
		BigDecimal ratio = lowerIsBetter ? due.divide(this.actual, 6, RoundingMode.HALF_UP)
				: this.actual.divide(due, 6, RoundingMode.HALF_UP);
		return Math.round(ratio.doubleValue() * 1000) / 10.0;
	}

}
