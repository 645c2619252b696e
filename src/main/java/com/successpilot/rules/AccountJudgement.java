package com.successpilot.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.successpilot.rules.facts.HealthScore;

/**
 * What the rules decided about one account on one run date.
 *
 * @param accountId the account
 * @param rulesVersion the version of the rule set that judged it
 * @param responses the playbook responses raised, in the order raised
 * @param health the health score, empty only when the health rules failed
 * @param firings how often each rule fired, by rule name
 * @param errors rules that failed for this account
 */
public record AccountJudgement(String accountId, String rulesVersion, List<PlaybookResponse> responses,
		Optional<HealthScore> health, Map<String, Integer> firings, List<RuleError> errors) {

	public AccountJudgement {
		responses = List.copyOf(responses);
		firings = Map.copyOf(firings);
		errors = List.copyOf(errors);
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
