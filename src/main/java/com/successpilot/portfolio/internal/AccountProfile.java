package com.successpilot.portfolio.internal;

import java.time.LocalDate;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Everything decided about one account before its rows are written; each feed writer
 * derives its rows from it (and from the account's own random stream).
 *
 * @param number 1 for ACC-000001
 * @param id the account id
 * @param name the company name
 * @param japanese whether the customer is Japanese (names, texts, currency)
 * @param segment the segment
 * @param industry the industry
 * @param csm the owner
 * @param signals the archetype and its knobs
 * @param startDate the day the customer signed
 * @param goLiveDate the day it went live, or {@code null} if not live yet
 * @param firstValueDate the day of its first value milestone, or {@code null} if none yet
 * @param renewalDate the end of the current contract term
 * @param seats licensed seats of the platform contract
 * @param stage the lifecycle stage
 */
record AccountProfile(int number, String id, String name, boolean japanese, Segment segment, String industry, Csm csm,
		ArchetypeSignals signals, LocalDate startDate, LocalDate goLiveDate, LocalDate firstValueDate,
		LocalDate renewalDate, int seats, LifecycleStage stage) {

	Archetype archetype() {
		return this.signals.archetype();
	}

	String currency() {
		return this.japanese ? "JPY" : "USD";
	}

	/**
	 * The first day of the current contract term.
	 */
	LocalDate termStart() {
		LocalDate anniversary = this.renewalDate.minusYears(1).plusDays(1);
		return anniversary.isBefore(this.startDate) ? this.startDate : anniversary;
	}

}
