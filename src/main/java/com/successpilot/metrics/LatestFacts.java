package com.successpilot.metrics;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.successpilot.metrics.internal.AccountCaseQueries;
import com.successpilot.rules.facts.AccountFacts;

/**
 * The newest facts of an account, for people: the same {@link AccountFacts} (names and
 * units as in {@code rules/README.md}) the rules judged on the account's latest run date.
 */
@Component
public class LatestFacts {

	private final AccountCaseQueries queries;

	LatestFacts(AccountCaseQueries queries) {
		this.queries = queries;
	}

	/**
	 * @return empty when no run has computed facts for the account yet
	 */
	public Optional<AccountFacts> of(long accountKey) {
		return this.queries.latestFacts(accountKey);
	}

}
