package com.successpilot.portfolio.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.successpilot.portfolio.internal.GoalTemplates.GoalTemplate;

/**
 * Writes an account's 1-3 success goals and their monthly periods. Each goal runs 6-12
 * months from the month it was set (never before the account started); a period's target
 * moves in a straight line from the baseline to the goal's target, and past and current
 * periods have an actual as far along as the archetype gets (stalled onboardings hardly
 * move, healthy accounts are on track).
 */
final class GoalWriter {

	private final YearMonth currentMonth;

	GoalWriter(LocalDate businessDate) {
		this.currentMonth = YearMonth.from(businessDate);
	}

	void write(AccountProfile account, SplittableRandom random, CsvFeedWriter goals, CsvFeedWriter periods) {
		List<GoalTemplate> templates = new ArrayList<>(GoalTemplates.ALL);
		int count = 1 + random.nextInt(3);
		for (int sequence = 1; sequence <= count; sequence++) {
			GoalTemplate template = templates.remove(random.nextInt(templates.size()));
			String goalId = Ids.child("GOAL", account, sequence, 1);
			YearMonth firstMonth = firstMonth(account, random);
			YearMonth lastMonth = firstMonth.plusMonths(5 + random.nextInt(7));
			double baseline = round(template.baseline() * (0.9 + 0.2 * random.nextDouble()));
			goals.text(goalId)
				.text(account.id())
				.text(template.name(account.japanese()))
				.text(template.metric())
				.text(template.unit())
				.decimal(baseline, 2)
				.decimal(template.target(), 2)
				.date(lastMonth.atEndOfMonth())
				.endRow();
			writePeriods(account, goalId, firstMonth, lastMonth, baseline, template.target(), random, periods);
		}
	}

	private void writePeriods(AccountProfile account, String goalId, YearMonth firstMonth, YearMonth lastMonth,
			double baseline, double target, SplittableRandom random, CsvFeedWriter out) {
		ArchetypeSignals signals = account.signals();
		int months = (int) (lastMonth.getYear() * 12L + lastMonth.getMonthValue()
				- (firstMonth.getYear() * 12L + firstMonth.getMonthValue())) + 1;
		double attainment = signals.goalAttainmentLow()
				+ random.nextDouble() * (signals.goalAttainmentHigh() - signals.goalAttainmentLow());
		for (int i = 0; i < months; i++) {
			YearMonth month = firstMonth.plusMonths(i);
			double periodTarget = round(baseline + (target - baseline) * (i + 1) / months);
			out.text(goalId).text(month.toString()).date(month.atDay(1)).date(month.atEndOfMonth());
			out.decimal(periodTarget, 2);
			if (month.isAfter(this.currentMonth)) {
				out.empty();
			}
			else {
				double reached = attainment * (0.9 + 0.2 * random.nextDouble());
				out.decimal(round(baseline + (periodTarget - baseline) * reached), 2);
			}
			out.endRow();
		}
	}

	// set in the last 1-9 months, but not before the account's start
	private YearMonth firstMonth(AccountProfile account, SplittableRandom random) {
		YearMonth set = this.currentMonth.minusMonths(1 + random.nextInt(9));
		YearMonth started = YearMonth.from(account.startDate());
		return set.isBefore(started) ? started : set;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
