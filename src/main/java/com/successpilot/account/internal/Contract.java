package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One of an account's contracts (subscriptions), as the contracts feed delivered it.
 */
record Contract(long id, String externalId, String product, LocalDate startDate, LocalDate endDate, BigDecimal arr,
		String currency, int licensedSeats, boolean autoRenew, String status) {

}
