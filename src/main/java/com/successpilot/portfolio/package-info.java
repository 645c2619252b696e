/**
 * The demo portfolio: a deterministic generator of a realistic synthetic customer
 * portfolio, written as the CSV feed files the nightly import reads.
 * <p>
 * {@link com.successpilot.portfolio.DemoPortfolio} is the whole API: give it an inbox, a
 * number of accounts, a business date and a seed, and it streams every feed (CSMs,
 * accounts, contracts, 90 days of usage, tickets, NPS, success goals and thresholds) to
 * {@code <inbox>/<feed>/<feed>-<businessDate>.csv}. Each account is given one
 * {@link com.successpilot.portfolio.DemoPortfolio.Archetype} (healthy, onboarding
 * stalled, declining usage ...) whose signals a CSM, and the rules, can recognise in the
 * data. The {@code generate-portfolio} command runs it from the command line.
 * <p>
 * The feature owns nothing in the database: its only output is files.
 */
package com.successpilot.portfolio;
