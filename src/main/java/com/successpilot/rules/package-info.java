/**
 * Rules: judges each account's facts with the rule set CS ops keep in {@code rules/}
 * (DRL, decision tables, playbooks), read from the file system at run time.
 * <p>
 * Owns compiling and validating the rule set ({@link com.successpilot.rules.RuleSet},
 * {@link com.successpilot.rules.RuleSetReport}), keeping the last good set in force
 * ({@link com.successpilot.rules.LiveRuleSet}), every version that goes live with who,
 * when and how ({@link com.successpilot.rules.RuleSetVersions}; owns
 * {@code rule_set_files} and {@code rule_set_activations}; {@code rules versions/diff/
 * rollback}), judging one account ({@link com.successpilot.rules.AccountJudgement}:
 * playbook responses, health score, firing counts, errors), the scenario tests of rule
 * authors ({@link com.successpilot.rules.RuleScenarios}) and the {@code validate} and
 * {@code test-rules} commands, and their HTTP form {@code /api/rules} (status of the set
 * in force, validate, reload, test, versions) with the {@code rules} health component and
 * info. Beyond reading the rules directory and keeping its versions it does no I/O:
 * storing tasks and health is the batch step's job. The fact model is in
 * {@code rules.facts}; the author's manual is {@code rules/README.md}.
 */
package com.successpilot.rules;
