package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioRowTests {

	@Test
	void wholeNumbersAreGroupedAsTheFormatterGroupsThem() {
		long[] numbers = { 0, 7, 999, 1000, 12345, 999999, 1000000, 24000, 1234567890123L, -1, -1234, -999999,
				Long.MAX_VALUE, Long.MIN_VALUE };
		assertThat(numbers).isNotEmpty();
		for (long number : numbers) {
			assertThat(PortfolioRow.grouped(number)).as("%d", number)
				.isEqualTo(String.format(Locale.ROOT, "%,d", number));
		}
	}

	@Test
	void arrReadsWithItsCurrencyRoundedToAWholeAmount() {
		assertThat(row(new BigDecimal("1234567.50"), "JPY").arrText()).isEqualTo("JPY 1,234,568");
		assertThat(row(new BigDecimal("24000"), null).arrText()).isEqualTo("24,000");
		assertThat(row(null, "USD").arrText()).isEmpty();
	}

	private static PortfolioRow row(BigDecimal arr, String currency) {
		return new PortfolioRow(1, "ACC-1", "Example KK", "smb", "adoption", null, null, arr, currency, null, null,
				null, null, null, 0, null, null, null);
	}

}
