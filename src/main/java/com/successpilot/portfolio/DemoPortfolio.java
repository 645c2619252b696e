package com.successpilot.portfolio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import com.successpilot.portfolio.internal.ArchetypeMix;
import com.successpilot.portfolio.internal.PortfolioGenerator;

/**
 * Generates a synthetic customer portfolio as the nightly import's feed files.
 * <p>
 * The same accounts, business date and seed always give byte-identical files; every
 * account draws from its own random stream, so account {@code ACC-000042} is the same
 * customer whether 100 or 100,000 accounts are generated (only its CSM may differ, as the
 * number of CSMs grows with the portfolio). Rows are streamed to disk, never held in
 * memory, and each file appears under its final name only once it is complete.
 */
public final class DemoPortfolio {

	private DemoPortfolio() {
	}

	/**
	 * Writes every feed for {@code accounts} accounts to
	 * {@code <inbox>/<feed>/<feed>-<businessDate>.csv}, replacing files of the same name.
	 * @param inbox the import inbox, e.g. {@code var/inbox}
	 * @param accounts how many accounts, at least 1
	 * @param businessDate the day of the nightly run; usage ends the day before
	 * @param seed the seed of every random choice
	 * @return the files written, their row counts and the accounts per archetype
	 */
	public static PortfolioSummary generate(Path inbox, int accounts, LocalDate businessDate, long seed)
			throws IOException {
		if (accounts < 1) {
			throw new IllegalArgumentException("accounts must be at least 1, not " + accounts);
		}
		return new PortfolioGenerator(inbox, businessDate, seed).generate(accounts);
	}

	/**
	 * The archetype the generator gives an account: the answer key for a demo or a test
	 * ("ACC-000007 should raise an onboarding task").
	 * @param accountId an account id as written to the accounts feed, e.g.
	 * {@code ACC-000007}
	 * @param seed the seed the portfolio was generated with
	 */
	public static Archetype archetypeOf(String accountId, long seed) {
		return ArchetypeMix.archetypeOf(seed, ArchetypeMix.accountNumber(accountId));
	}

	/**
	 * The kinds of customer in the portfolio, with their share of every hundred accounts
	 * and the signals by which a CSM recognises them in the feeds.
	 */
	public enum Archetype {

		HEALTHY("healthy", 45,
				"weekday usage at 60-85 % of seats, a value milestone every few weeks, few tickets, NPS 7-9"),

		ONBOARDING_STALLED("onboarding-stalled", 8,
				"started 35-80 days ago, no value milestone since the start, a few admins logging in"),

		DECLINING_USAGE("declining-usage", 12,
				"active users in the last 30 days about half those of the 30 days before, NPS dropped"),

		RENEWAL_AT_RISK("renewal-at-risk", 8,
				"renewal within 120 days, 25-45 % of seats used, detractor NPS, open escalated tickets"),

		EXPANSION_READY("expansion-ready", 10, "weekday active users at 90 %+ of licensed seats and growing"),

		PROMOTER("promoter", 10, "NPS 9-10 in the last 60 days from an executive or decision-maker, good usage"),

		SUPPORT_HEAVY("support-heavy", 7,
				"many tickets in the last 30 days, escalations above the segment maximum, CSAT 1-3");

		private final String label;

		private final int perHundred;

		private final String signals;

		Archetype(String label, int perHundred, String signals) {
			this.label = label;
			this.perHundred = perHundred;
			this.signals = signals;
		}

		/**
		 * The lower-case name used in summaries, e.g. {@code onboarding-stalled}.
		 */
		public String label() {
			return this.label;
		}

		/**
		 * How many of every hundred accounts (in account-id order) have this archetype.
		 */
		public int perHundred() {
			return this.perHundred;
		}

		/**
		 * What a CSM sees in the data of an account of this archetype.
		 */
		public String signals() {
			return this.signals;
		}

	}

}
