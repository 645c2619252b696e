package com.successpilot.rules;

/**
 * A rule that failed while judging one account. The account's other rules and all other
 * accounts are still judged.
 *
 * @param rule the rule's name, or {@code (conditions)} when a condition failed and the
 * rule is unknown
 * @param accountId the account being judged
 * @param message what went wrong
 */
public record RuleError(String rule, String accountId, String message) {

	@Override
	public String toString() {
		return "rule \"" + this.rule + "\" failed for " + this.accountId + ": " + this.message;
	}

}
