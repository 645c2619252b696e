package com.successpilot.metrics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target a goal period holds the customer to on a run date, at the edges of the
 * period: its first day, its last day, after it, and a leap February.
 */
class GoalPeriodTests {

	// 300 reports in November, counted from none
	private final GoalPeriod november = period("2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "0",
			"300", "95");

	@Test
	void dayTenOfThirtyExpectsAThirdOfTheTarget() {
		LocalDate dayTen = LocalDate.of(2026, 11, 10);

		assertThat(this.november.elapsedDays(dayTen)).isEqualTo(10);
		assertThat(this.november.elapsedPct(dayTen)).isEqualTo(33.3);
		assertThat(this.november.proRataTarget(dayTen)).isEqualByComparingTo("100");
		assertThat(this.november.attainmentPct(dayTen, false)).isEqualTo(95.0);
	}

	@Test
	void firstDayCountsAsOneDayElapsed() {
		LocalDate first = LocalDate.of(2026, 11, 1);

		assertThat(this.november.elapsedPct(first)).isEqualTo(3.3);
		assertThat(this.november.proRataTarget(first)).isEqualByComparingTo("10");
	}

	@Test
	void lastDayAndAfterHoldTheFullTarget() {
		LocalDate last = LocalDate.of(2026, 11, 30);
		LocalDate after = LocalDate.of(2026, 12, 9);

		assertThat(this.november.elapsedPct(last)).isEqualTo(100.0);
		assertThat(this.november.proRataTarget(last)).isEqualByComparingTo("300");
		assertThat(this.november.elapsedPct(after)).isEqualTo(100.0);
		assertThat(this.november.proRataTarget(after)).isEqualByComparingTo("300");
		assertThat(this.november.attainmentPct(after, false)).isEqualTo(31.7);
	}

	@Test
	void leapFebruaryHasTwentyNineDays() {
		GoalPeriod february = period("2028-02", LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), "0", "290", "270");

		assertThat(february.days()).isEqualTo(29);
		assertThat(february.elapsedPct(LocalDate.of(2028, 2, 28))).isEqualTo(96.6);
		assertThat(february.proRataTarget(LocalDate.of(2028, 2, 28))).isEqualByComparingTo("280");
		assertThat(february.attainmentPct(LocalDate.of(2028, 2, 28), false)).isEqualTo(96.4);
		assertThat(february.proRataTarget(LocalDate.of(2028, 2, 29))).isEqualByComparingTo("290");
	}

	@Test
	void goalThatMustFallMovesFromWhereThePeriodStartsTowardsItsTarget() {
		// invoice processing hours: October ended at a target of 40, November's is 32
		GoalPeriod falling = period("2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "40", "32", "39");
		LocalDate daySixteen = LocalDate.of(2026, 11, 16);

		assertThat(falling.proRataTarget(daySixteen)).isEqualByComparingTo("35.7333");
		assertThat(falling.attainmentPct(daySixteen, true)).as("behind pace although below where it started")
			.isEqualTo(91.6);
		assertThat(falling.attainmentPct(LocalDate.of(2026, 12, 1), true)).as("the month over: 32 / 39")
			.isEqualTo(82.1);
	}

	@Test
	void noActualOrNothingDueIsNotJudged() {
		GoalPeriod unreported = period("2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "0", "300",
				null);
		GoalPeriod nothingDue = period("2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "0", "0", "5");

		assertThat(unreported.attainmentPct(LocalDate.of(2026, 11, 10), false)).isNull();
		assertThat(nothingDue.attainmentPct(LocalDate.of(2026, 11, 10), false)).isNull();
	}

	private static GoalPeriod period(String label, LocalDate start, LocalDate end, String startsFrom, String target,
			String actual) {
		return new GoalPeriod(label, start, end, new BigDecimal(startsFrom), new BigDecimal(target),
				(actual != null) ? new BigDecimal(actual) : null);
	}

}
