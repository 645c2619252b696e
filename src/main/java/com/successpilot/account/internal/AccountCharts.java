package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.successpilot.account.internal.AccountHistoryQueries.Goal;
import com.successpilot.account.internal.AccountHistoryQueries.GoalPeriod;

/**
 * The account page's charts as server-drawn SVG geometry (the page draws them with no
 * script): the health score over the stored history — overall, outcome and experience on
 * a 0–100 scale — and a goal's periods, target against actual.
 */
final class AccountCharts {

	static final int WIDTH = 600;

	static final int HEIGHT = 200;

	/** Room for the axis labels. */
	static final int LEFT = 30;

	static final int BOTTOM = 20;

	private AccountCharts() {
	}

	/**
	 * @param newestFirst the health history as stored, newest first
	 * @return {@code null} with fewer than one score
	 */
	static HealthChart health(List<Health> newestFirst) {
		if (newestFirst.isEmpty()) {
			return null;
		}
		List<Health> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		return new HealthChart(line(oldestFirst, Health::score), line(oldestFirst, Health::outcomeScore),
				line(oldestFirst, Health::experienceScore), oldestFirst.get(0).runDate().toString(),
				oldestFirst.get(oldestFirst.size() - 1).runDate().toString(), oldestFirst.size());
	}

	/**
	 * Bars of each period's actual, with the period's target as a mark.
	 * @return {@code null} for a goal without periods
	 */
	static List<Bar> goal(Goal goal) {
		if (goal.periods().isEmpty()) {
			return null;
		}
		double max = 0;
		for (GoalPeriod period : goal.periods()) {
			max = Math.max(max, value(period.target()));
			max = Math.max(max, value(period.actual()));
		}
		double scale = (max > 0) ? (HEIGHT - BOTTOM - 10) / max : 0;
		double slot = (double) (WIDTH - LEFT) / goal.periods().size();
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < goal.periods().size(); i++) {
			GoalPeriod period = goal.periods().get(i);
			double x = LEFT + i * slot + slot * 0.2;
			double barHeight = value(period.actual()) * scale;
			bars.add(new Bar(round(x), round(HEIGHT - BOTTOM - barHeight), round(slot * 0.6), round(barHeight),
					round(HEIGHT - BOTTOM - value(period.target()) * scale), round(x + slot * 0.6), period.period(),
					period.actual() != null, period.missed(goal.lowerIsBetter())));
		}
		return bars;
	}

	private static String line(List<Health> oldestFirst, Function<Health, BigDecimal> value) {
		StringBuilder points = new StringBuilder();
		int count = oldestFirst.size();
		double step = (count > 1) ? (double) (WIDTH - LEFT - 10) / (count - 1) : 0;
		for (int i = 0; i < count; i++) {
			double x = LEFT + ((count > 1) ? i * step : (WIDTH - LEFT) / 2.0);
			double y = y(value(value.apply(oldestFirst.get(i))));
			points.append((i > 0) ? " " : "").append(round(x)).append(',').append(round(y));
		}
		return points.toString();
	}

	/** 0–100 to the chart's height, 100 at the top. */
	static double y(double score) {
		return (HEIGHT - BOTTOM - Math.max(0, Math.min(100, score)) * (HEIGHT - BOTTOM - 10) / 100.0);
	}

	private static double value(BigDecimal value) {
		return (value != null) ? value.doubleValue() : 0;
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * The health chart: one polyline each (points as SVG wants them) and the first and
	 * last dates.
	 */
	record HealthChart(String overall, String outcome, String experience, String from, String to, int runs) {

	}

	/**
	 * A period's bar: its rectangle, the target mark across it, and its label.
	 *
	 * @param reported whether the period has an actual
	 * @param missed whether the actual misses the target
	 */
	record Bar(String x, String y, String width, String height, String targetY, String targetX2, String label,
			boolean reported, boolean missed) {

	}

}
