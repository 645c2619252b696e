package com.successpilot.portfolio.internal;

/**
 * Ids of the rows that belong to an account: {@code TKT-000042-007} is the seventh ticket
 * of ACC-000042. They are unique and stable without a counter shared across accounts.
 */
final class Ids {

	private Ids() {
	}

	static String child(String prefix, AccountProfile account, int sequence, int width) {
		String digits = Integer.toString(sequence);
		StringBuilder id = new StringBuilder(prefix.length() + 16).append(prefix)
			.append('-')
			.append(account.id(), 4, account.id().length())
			.append('-');
		for (int i = digits.length(); i < width; i++) {
			id.append('0');
		}
		return id.append(digits).toString();
	}

}
