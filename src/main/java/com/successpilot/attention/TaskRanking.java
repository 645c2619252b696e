package com.successpilot.attention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.successpilot.rules.AttentionPolicy;

/**
 * Scores a task from 0 to 100 the way {@code rules/attention.yml} says: severity (the
 * playbook's priority), account value (ARR, on a log scale between a floor and a
 * ceiling), time pressure (due date or renewal coming) and health trend (how far the
 * overall health score fell). Pure arithmetic, no I/O: called for every task a run
 * raises.
 */
public final class TaskRanking {

	private final AttentionPolicy.Ranking ranking;

	public TaskRanking(AttentionPolicy.Ranking ranking) {
		this.ranking = ranking;
	}

	/**
	 * @param priority the playbook's priority ({@code high}, {@code medium}, {@code low})
	 * @param arr the account's ARR, {@code null} when unknown
	 * @param currency the ARR's currency, {@code null} when unknown
	 * @param dueDate when the task is due
	 * @param daysToRenewal days from the run date to the renewal, {@code null} when none
	 * @param runDate the run's business date
	 * @param healthNow the overall health score of this run, {@code null} when none
	 * @param healthBefore the overall health score the trend compares with, {@code null}
	 * when none
	 */
	public TaskRank rank(String priority, BigDecimal arr, String currency, LocalDate dueDate, Integer daysToRenewal,
			LocalDate runDate, Double healthNow, Double healthBefore) {
		return new TaskRank(this.ranking.severity().points(priority), value(arr, currency),
				time(dueDate, daysToRenewal, runDate), trend(healthNow, healthBefore));
	}

	private double value(BigDecimal arr, String currency) {
		AttentionPolicy.AccountValue value = this.ranking.accountValue();
		if (arr == null || arr.signum() <= 0) {
			return 0;
		}
		BigDecimal rate = (currency == null || currency.equalsIgnoreCase(value.currency())) ? BigDecimal.ONE
				: value.rates().get(currency.toUpperCase(java.util.Locale.ROOT));
		if (rate == null) {
			// an unknown currency counts as the reference currency rather than as nothing
			rate = BigDecimal.ONE;
		}
		double converted = arr.doubleValue() * rate.doubleValue();
		double floor = value.floor().doubleValue();
		double ceiling = value.ceiling().doubleValue();
		if (converted <= floor) {
			return 0;
		}
		double share = Math.log(converted / floor) / Math.log(ceiling / floor);
		return value.points() * Math.min(1, share);
	}

	private double time(LocalDate dueDate, Integer daysToRenewal, LocalDate runDate) {
		AttentionPolicy.TimePressure pressure = this.ranking.timePressure();
		double due = 0;
		if (dueDate != null) {
			long days = Math.max(0, ChronoUnit.DAYS.between(runDate, dueDate));
			due = Math.max(0, 1 - (double) days / pressure.dueWithinDays());
		}
		double renewal = 0;
		if (daysToRenewal != null && daysToRenewal >= 0) {
			renewal = Math.max(0, 1 - (double) daysToRenewal / pressure.renewalWithinDays());
		}
		return pressure.points() * Math.max(due, renewal);
	}

	private double trend(Double healthNow, Double healthBefore) {
		AttentionPolicy.HealthTrend trend = this.ranking.healthTrend();
		if (healthNow == null || healthBefore == null || healthNow >= healthBefore) {
			return 0;
		}
		return trend.points() * Math.min(1, (healthBefore - healthNow) / trend.dropForFullPoints());
	}

}
