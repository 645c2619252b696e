/**
 * Metrics: turns the imported portfolio into what rules need, per account and run date —
 * usage over 7/30/90 days and its trend, seat utilisation, days to renewal, support
 * effort, NPS, goal progress and the account's thresholds.
 * <p>
 * Owns {@code account_facts}, computed set-based in SQL by {@code accountMetricsStep},
 * and reads it back as {@link com.successpilot.metrics.AccountCase}s (facts, goals and
 * thresholds of one account) for the rules step.
 */
package com.successpilot.metrics;
