/**
 * Judgement: the step that puts every account's facts before the live rule set and
 * records what it concluded — tasks (deduplicated, explained, auto-closed when their
 * condition clears), health scores per account and run date, how often each rule fired
 * and which rules failed for which account.
 * <p>
 * The rule set is chosen once when the step starts and pinned for the whole step, every
 * partition included: its version is kept in the step's execution context (and in
 * {@code judged_runs}, which this module owns) and its files are kept by the rules
 * module, so a restart judges the rest of the night with the same version, or fails
 * naming both. When the rule files are invalid, the night runs on the last good version
 * and says so (the run, an OPS mail); only with no version ever live is the run refused.
 * Every rule of the set gets a firing count, zero included ({@code /api/rules/firings}).
 * When a judgement step ends, its {@link com.successpilot.judgement.JudgementListener}s
 * hear how many accounts it judged and tasks it created; Prometheus counts them per job
 * ({@code successpilot_accounts_evaluated_total}, {@code successpilot_new_tasks_total}).
 * <p>
 * Before a change goes live, {@link com.successpilot.judgement.RuleChangePreview} judges
 * a night's stored facts with a draft and with the set in force and foresees, with the
 * step's own task decisions, what each would create, close and re-prioritise;
 * {@link com.successpilot.judgement.RuleBacktest} replays a set over past nights. Both
 * write nothing ({@code preview}, {@code backtest}, {@code POST /api/rules/preview},
 * {@code /backtest}).
 */
package com.successpilot.judgement;
