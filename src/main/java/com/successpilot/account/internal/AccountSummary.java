package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account in a list: who it is, who looks after it, what it is worth, when it renews,
 * how healthy it was on its latest run and how many tasks wait for its CSM.
 *
 * @param id the database id
 * @param externalId the id in the feeds, e.g. {@code ACC-000123}
 * @param csm {@code null} when the account has no CSM
 * @param arr annual recurring revenue of the contracts active on the reference date
 * @param renewalDate the earliest end date of those contracts, {@code null} without one
 * @param daysToRenewal days from the reference date to the renewal date
 * @param health the health score of the latest run, {@code null} before the first
 * @param openTasks tasks waiting for the CSM
 * @param snoozedTasks tasks put aside until a date
 */
record AccountSummary(long id, String externalId, String name, String segment, String industry, String lifecycleStage,
		LocalDate startDate, LocalDate goLiveDate, Csm csm, BigDecimal arr, String currency, LocalDate renewalDate,
		Integer daysToRenewal, Health health, int openTasks, int snoozedTasks) {

	record Csm(long id, String name, String email) {

	}

}
