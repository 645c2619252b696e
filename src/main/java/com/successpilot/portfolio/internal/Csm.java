package com.successpilot.portfolio.internal;

/**
 * A customer success manager: the owner of accounts.
 *
 * @param email unique, always on an {@code .example} domain
 * @param name as people write it, e.g. {@code 佐藤 美咲} or {@code Emily Carter}
 * @param japanese whether the CSM looks after Japanese-speaking customers
 */
record Csm(String email, String name, boolean japanese) {

	/**
	 * The language the CSM reads their mails in: Japanese CSMs {@code ja}, the others
	 * {@code en}.
	 */
	String language() {
		return this.japanese ? "ja" : "en";
	}

}
