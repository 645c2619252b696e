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
 * <p>
 * The CSM's pages of these accounts: My day ({@code /}: tasks by score, overdue, snoozed
 * coming back, renewals, grade drops since last week), the portfolio ({@code /portfolio},
 * filtered, sorted, paged, and as CSV at {@code /portfolio.csv}), an account's 360
 * ({@code /accounts/{id}}) and the renewals of the next 120 days ({@code /renewals}). It
 * reads the account's goals, NPS answers, tickets and task history for its page.
 */
package com.successpilot.account;
