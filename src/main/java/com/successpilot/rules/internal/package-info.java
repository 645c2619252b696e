/**
 * How the rule set is compiled from the rules directory (Drools knowledge builder,
 * playbook cross-checks, content hash) and how one account is judged in a session of its
 * own, recording failing rules instead of stopping. Also the operator's side:
 * {@link RulesController} ({@code /api/rules}), {@link RulesHealthIndicator},
 * {@link RulesInfoContributor} and, in a serving process, {@link RulesWarmUp}.
 */
package com.successpilot.rules.internal;
