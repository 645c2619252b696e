package com.successpilot.portfolio.internal;

/**
 * Writes an account's row of the accounts feed.
 */
final class AccountWriter {

	private AccountWriter() {
	}

	static void write(AccountProfile account, CsvFeedWriter out) {
		out.text(account.id())
			.text(account.name())
			.text(account.segment().label())
			.text(account.industry())
			.text(account.csm().email())
			.text(account.stage().label())
			.date(account.startDate())
			.date(account.goLiveDate())
			.endRow();
	}

}
