package com.successpilot.portfolio.internal;

import java.time.LocalDate;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Writes an account's contracts: one active platform subscription whose end date is the
 * renewal date, sometimes the expired term before it, and for some enterprise customers
 * an add-on co-termed with the platform. Add-ons are not sold per seat (0 licensed
 * seats), so an account's seats are the same however its contracts are added up.
 */
final class ContractWriter {

	private static final int YEN_PER_DOLLAR = 150;

	private static final String[] ADD_ONS = { "Premium Support", "Integration Hub", "Data Warehouse Connector" };

	private final LocalDate businessDate;

	ContractWriter(LocalDate businessDate) {
		this.businessDate = businessDate;
	}

	void write(AccountProfile account, SplittableRandom random, CsvFeedWriter out) {
		String product = switch (account.segment()) {
			case ENTERPRISE -> "Platform Enterprise";
			case MID_MARKET -> "Platform Professional";
			case SMB -> "Platform Starter";
		};
		long arr = money(account, (long) account.seats() * account.segment().drawUsdPerSeat(random));
		boolean autoRenew = autoRenews(account.archetype(), random);
		LocalDate termStart = account.termStart();
		int sequence = 1;
		if (termStart.isAfter(account.startDate()) && random.nextInt(100) < 15) {
			LocalDate previousStart = termStart.minusYears(1);
			previousStart = previousStart.isBefore(account.startDate()) ? account.startDate() : previousStart;
			int previousSeats = Math.max(1, (int) (account.seats() * (0.8 + 0.2 * random.nextDouble())));
			long previousArr = Math.round(arr * (double) previousSeats / account.seats());
			row(out, account, sequence++, product, previousStart, termStart.minusDays(1), previousArr, previousSeats,
					autoRenew, "expired");
		}
		row(out, account, sequence++, product, termStart, account.renewalDate(), arr, account.seats(), autoRenew,
				"active");
		if (hasAddOn(account, random)) {
			LocalDate addOnStart = termStart.plusDays(random.nextInt(90));
			if (!addOnStart.isBefore(this.businessDate)) {
				addOnStart = termStart;
			}
			long addOnArr = round(arr * (0.10 + 0.10 * random.nextDouble()), account.japanese() ? 10_000 : 100);
			row(out, account, sequence, ADD_ONS[random.nextInt(ADD_ONS.length)], addOnStart, account.renewalDate(),
					addOnArr, 0, autoRenew, "active");
		}
	}

	private static boolean autoRenews(Archetype archetype, SplittableRandom random) {
		return switch (archetype) {
			case RENEWAL_AT_RISK -> random.nextInt(10) < 2;
			case PROMOTER, EXPANSION_READY -> true;
			default -> random.nextInt(10) < 7;
		};
	}

	// an add-on is bought by thriving enterprise customers, never by one about to expand
	// (cross-sell is its next step) or at risk
	private static boolean hasAddOn(AccountProfile account, SplittableRandom random) {
		boolean thriving = switch (account.archetype()) {
			case HEALTHY, PROMOTER, DECLINING_USAGE, SUPPORT_HEAVY -> true;
			default -> false;
		};
		return account.segment() == Segment.ENTERPRISE && thriving && random.nextInt(100) < 40;
	}

	private static long money(AccountProfile account, long usd) {
		return account.japanese() ? round(usd * (double) YEN_PER_DOLLAR, 1000) : usd;
	}

	private static long round(double amount, long unit) {
		return Math.max(unit, Math.round(amount / unit) * unit);
	}

	private static void row(CsvFeedWriter out, AccountProfile account, int sequence, String product, LocalDate start,
			LocalDate end, long arr, int seats, boolean autoRenew, String status) {
		out.text(Ids.child("CTR", account, sequence, 1))
			.text(account.id())
			.text(product)
			.date(start)
			.date(end)
			.number(arr)
			.text(account.currency())
			.number(seats)
			.bool(autoRenew)
			.text(status)
			.endRow();
	}

}
