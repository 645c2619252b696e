package com.successpilot.rules.internal;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Records a failing rule consequence as an error of the account being judged and lets the
 * session carry on with the other rules, instead of aborting the whole evaluation.
 */
public final class RecordingConsequenceExceptionHandler implements ConsequenceExceptionHandler {

	@Override
	public void handleException(Match match, RuleRuntime runtime, Exception ex) {
		SessionOutcomes outcomes = (runtime instanceof KieSession session) ? outcomesOf(session) : null;
		if (outcomes == null) {
			throw new ConsequenceException(ex, runtime, match);
		}
		outcomes.failed(match.getRule().getName(), ex);
	}

	private static SessionOutcomes outcomesOf(KieSession session) {
		return session.getAgendaEventListeners()
			.stream()
			.filter(SessionOutcomes.class::isInstance)
			.map(SessionOutcomes.class::cast)
			.findFirst()
			.orElse(null);
	}

}
