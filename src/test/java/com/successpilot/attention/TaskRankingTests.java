package com.successpilot.attention;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.successpilot.rules.AttentionPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The score of a task with the documented defaults: severity 40/20/5, value 25 on a log
 * scale from $10,000 to $1,000,000, time pressure 20 within 14 days (due) or 120 days
 * (renewal), health trend 15 for a fall of 20 points.
 */
class TaskRankingTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private final TaskRanking ranking = new TaskRanking(AttentionPolicy.defaults().ranking());

	@Test
	void severityFollowsThePlaybooksPriority() {
		assertThat(rank("high", null, null, NIGHT.plusDays(30), null, null, null).severity()).isEqualTo(40);
		assertThat(rank("medium", null, null, NIGHT.plusDays(30), null, null, null).severity()).isEqualTo(20);
		assertThat(rank("low", null, null, NIGHT.plusDays(30), null, null, null).severity()).isEqualTo(5);
	}

	@Test
	void accountValueGrowsOnALogScaleBetweenFloorAndCeilingInTheReferenceCurrency() {
		assertThat(value("10000", "USD")).isZero();
		assertThat(value("100000", "USD")).isCloseTo(12.5, within(0.01));
		assertThat(value("1000000", "USD")).isEqualTo(25);
		assertThat(value("5000000", "USD")).isEqualTo(25);
		// ¥15,000,000 at 0.0067 is about $100,500
		assertThat(value("15000000", "JPY")).isCloseTo(12.5, within(0.1));
		assertThat(value("0", "USD")).isZero();
	}

	@Test
	void timePressureIsTheNearerOfDueDateAndRenewal() {
		assertThat(rank("low", null, null, NIGHT, null, null, null).time()).isEqualTo(20);
		assertThat(rank("low", null, null, NIGHT.minusDays(3), null, null, null).time()).isEqualTo(20);
		assertThat(rank("low", null, null, NIGHT.plusDays(7), null, null, null).time()).isEqualTo(10);
		assertThat(rank("low", null, null, NIGHT.plusDays(30), null, null, null).time()).isZero();
		assertThat(rank("low", null, null, NIGHT.plusDays(30), 30, null, null).time()).isEqualTo(15);
		assertThat(rank("low", null, null, NIGHT.plusDays(7), 300, null, null).time()).isEqualTo(10);
	}

	@Test
	void onlyAFallingHealthScoreAddsPoints() {
		assertThat(rank("low", null, null, NIGHT.plusDays(30), null, 60.0, 70.0).trend()).isEqualTo(7.5);
		assertThat(rank("low", null, null, NIGHT.plusDays(30), null, 40.0, 70.0).trend()).isEqualTo(15);
		assertThat(rank("low", null, null, NIGHT.plusDays(30), null, 75.0, 70.0).trend()).isZero();
		assertThat(rank("low", null, null, NIGHT.plusDays(30), null, 60.0, null).trend()).isZero();
	}

	@Test
	void theScoreIsTheSumOfItsPartsRoundedToOneDecimal() {
		TaskRank rank = rank("high", new BigDecimal("100000"), "USD", NIGHT.plusDays(7), null, 60.0, 70.0);

		assertThat(rank.score()).isEqualTo(70.0);
		assertThat(rank.partsJson()).isEqualTo("{\"severity\":40.0,\"value\":12.5,\"time\":10.0,\"trend\":7.5}");
	}

	private double value(String arr, String currency) {
		return rank("low", new BigDecimal(arr), currency, NIGHT.plusDays(30), null, null, null).value();
	}

	private TaskRank rank(String priority, BigDecimal arr, String currency, LocalDate due, Integer daysToRenewal,
			Double healthNow, Double healthBefore) {
		return this.ranking.rank(priority, arr, currency, due, daysToRenewal, NIGHT, healthNow, healthBefore);
	}

}
