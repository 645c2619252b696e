package com.successpilot.portfolio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * A portfolio of 400 accounts (four of every archetype share) generated once per test
 * class and read back through {@link FeedTable}.
 */
final class SamplePortfolio {

	static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);

	static final int ACCOUNTS = 400;

	static final long SEED = 7;

	final PortfolioSummary summary;

	final FeedTable csms;

	final FeedTable accounts;

	final FeedTable contracts;

	final FeedTable usage;

	final FeedTable tickets;

	final FeedTable nps;

	final FeedTable goals;

	final FeedTable goalPeriods;

	final FeedTable segmentThresholds;

	final FeedTable accountThresholds;

	private SamplePortfolio(Path inbox) throws IOException {
		this.summary = DemoPortfolio.generate(inbox, ACCOUNTS, BUSINESS_DATE, SEED);
		this.csms = FeedTable.read(inbox, "csms", BUSINESS_DATE);
		this.accounts = FeedTable.read(inbox, "accounts", BUSINESS_DATE);
		this.contracts = FeedTable.read(inbox, "contracts", BUSINESS_DATE);
		this.usage = FeedTable.read(inbox, "usage", BUSINESS_DATE);
		this.tickets = FeedTable.read(inbox, "tickets", BUSINESS_DATE);
		this.nps = FeedTable.read(inbox, "nps", BUSINESS_DATE);
		this.goals = FeedTable.read(inbox, "goals", BUSINESS_DATE);
		this.goalPeriods = FeedTable.read(inbox, "goal-periods", BUSINESS_DATE);
		this.segmentThresholds = FeedTable.read(inbox, "segment-thresholds", BUSINESS_DATE);
		this.accountThresholds = FeedTable.read(inbox, "account-thresholds", BUSINESS_DATE);
	}

	static SamplePortfolio generate(Path inbox) throws IOException {
		return new SamplePortfolio(inbox);
	}

	List<Map<String, String>> accountsOf(Archetype archetype) {
		return this.accounts.rows()
			.stream()
			.filter((account) -> DemoPortfolio.archetypeOf(account.get("account_id"), SEED) == archetype)
			.toList();
	}

	/**
	 * Licensed seats of the account's active contracts.
	 */
	int seats(String accountId) {
		return this.contracts.rows()
			.stream()
			.filter((contract) -> contract.get("account_id").equals(accountId))
			.filter((contract) -> contract.get("status").equals("active"))
			.mapToInt((contract) -> Integer.parseInt(contract.get("licensed_seats")))
			.sum();
	}

	static boolean isWeekend(String date) {
		return LocalDate.parse(date).getDayOfWeek().getValue() >= 6;
	}

	static long daysAgo(String date) {
		return BUSINESS_DATE.toEpochDay() - LocalDate.parse(date).toEpochDay();
	}

}
