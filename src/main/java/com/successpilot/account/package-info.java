/**
 * Accounts as CSMs and CS ops look at them: the portfolio filtered by CSM, segment,
 * health grade, renewal window and name, and one account with its contracts, latest
 * facts, health history and tasks. A CSM sees only the accounts they own.
 * <p>
 * Owns no table: it reads the portfolio ({@code accounts}, {@code contracts},
 * {@code csms}), the latest health ({@code health_scores}) and open task counts, and asks
 * the metrics and task features for an account's facts and tasks.
 * <p>
 * {@code /api/accounts/{id}/thresholds}: every threshold the account is judged against,
 * with its source (agreed with the customer, the segment's default from the feed, or the
 * catalogue's), and removing an agreed value (OPS), through ingest's
 * {@code AgreedThresholds}.
 */
package com.successpilot.account;
