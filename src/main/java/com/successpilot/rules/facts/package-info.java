/**
 * The fact model rule authors write against: what is known about an account
 * ({@link com.successpilot.rules.facts.AccountFacts},
 * {@link com.successpilot.rules.facts.GoalProgress}), what it is judged against
 * ({@link com.successpilot.rules.facts.Threshold}), the health score being built
 * ({@link com.successpilot.rules.facts.HealthInput} …
 * {@link com.successpilot.rules.facts.HealthScore}) and how a rule raises a playbook
 * ({@link com.successpilot.rules.facts.Playbooks}).
 * <p>
 * Every class is immutable and named in the business's words; {@code rules/README.md}
 * documents each field with its unit. Changing a name here breaks rule files written by
 * CS ops, so treat this package as a published API: the {@code facts} named interface of
 * the {@code rules} module, which the modules that compute and record facts depend on.
 * <p>
 * The facts are classes with JavaBean getters, not records: Drools 10 (drools-mvel)
 * matches a record's {@code value()} in a pattern ({@code Threshold( value > 3 )}), but
 * consequences call the getters ({@code $limit.getValue()}, {@code $goal.getGoalId()}),
 * which a record does not have, so a record would break the rule files.
 */
@NamedInterface("facts")
package com.successpilot.rules.facts;

import org.springframework.modulith.NamedInterface;
