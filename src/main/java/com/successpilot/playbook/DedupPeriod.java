package com.successpilot.playbook;

import java.time.LocalDate;

/**
 * How often a playbook may create a task for the same account: once ever ({@code none}),
 * once a calendar month, once a quarter, or once per renewal date. The period key is the
 * part of the task's deduplication key that names the period.
 */
public enum DedupPeriod {

	NONE, MONTH, QUARTER, RENEWAL;

	/**
	 * The period key on a run date, e.g. {@code 2026-10}, {@code 2026-Q4},
	 * {@code renewal-2027-02-15}; empty for {@link #NONE} (and for {@link #RENEWAL} when
	 * the account has no active contract).
	 */
	public String periodKey(LocalDate runDate, Integer daysToRenewal) {
		return switch (this) {
			case NONE -> "";
			case MONTH -> String.format("%d-%02d", runDate.getYear(), runDate.getMonthValue());
			case QUARTER -> runDate.getYear() + "-Q" + ((runDate.getMonthValue() - 1) / 3 + 1);
			case RENEWAL -> (daysToRenewal != null) ? "renewal-" + runDate.plusDays(daysToRenewal) : "";
		};
	}

}
