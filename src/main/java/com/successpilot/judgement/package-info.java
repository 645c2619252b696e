/**
 * Judgement: the step that puts every account's facts before the live rule set and
 * records what it concluded — tasks (deduplicated, explained, auto-closed when their
 * condition clears), health scores per account and run date, how often each rule fired
 * and which rules failed for which account.
 * <p>
 * The rule set is pinned for the whole step, so one run is judged by one rules version; a
 * run whose rule set is invalid does not start. When a judgement step ends, its
 * {@link com.successpilot.judgement.JudgementListener}s hear how many accounts it judged
 * and tasks it created; Prometheus counts them per job
 * ({@code successpilot_accounts_evaluated_total}, {@code successpilot_new_tasks_total}).
 */
package com.successpilot.judgement;
