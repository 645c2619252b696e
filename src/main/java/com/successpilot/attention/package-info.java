/**
 * A CSM's attention as a budget: tasks ranked by a score CS ops tune in
 * {@code rules/attention.yml}, new tasks handed out per CSM and day up to the budget (the
 * rest held back as {@code QUEUED} and released by score as capacity frees), urgent mails
 * capped per day and sent only for what is new since the previous night, a welcome digest
 * on the first night; and the surge guard, which holds a night far above the nights
 * before for review ({@link com.successpilot.attention.RunReviews}). Owns
 * {@code attention_ledger} (per run and CSM: raised, delivered, released, held back,
 * urgent mails), {@code attention_nights} and {@code run_reviews}.
 */
package com.successpilot.attention;
