package com.successpilot.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import com.successpilot.playbook.PlaceholderText;
import com.successpilot.playbook.Playbook;
import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.PlaybookResponse;
import com.successpilot.rules.RuleError;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.Playbooks;
import com.successpilot.rules.facts.Threshold;

/**
 * Collects what the rules decide about one account in one session: it is the
 * {@code playbook} global rules raise responses on, and listens to the agenda to know
 * which rule is firing (so authors never name their rule) and how often each fired.
 * Belongs to one session, so one thread.
 */
final class SessionOutcomes extends DefaultAgendaEventListener implements Playbooks {

	private final PlaybookLibrary playbooks;

	private AccountFacts account;

	private final List<Raised> raised = new ArrayList<>();

	private final Map<String, Integer> firings = new HashMap<>();

	private final List<RuleError> errors = new ArrayList<>();

	private String firingRule = "(conditions)";

	SessionOutcomes(PlaybookLibrary playbooks) {
		this.playbooks = playbooks;
	}

	/**
	 * Starts collecting for the next account judged in this session.
	 */
	void begin(AccountFacts account) {
		this.account = account;
		this.raised.clear();
		this.firings.clear();
		this.errors.clear();
		this.firingRule = "(conditions)";
	}

	@Override
	public void beforeMatchFired(BeforeMatchFiredEvent event) {
		this.firingRule = event.getMatch().getRule().getName();
	}

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		this.firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
		this.firingRule = "(conditions)";
	}

	@Override
	public Evidence raise(String playbookName, String reason) {
		Raised response = new Raised(this.firingRule, playbookName, reason);
		Playbook playbook = this.playbooks.find(playbookName).orElse(null);
		if (playbook == null) {
			failed(this.firingRule, "raised the playbook '" + playbookName + "', which is not in rules/playbooks/");
		}
		else {
			response.playbook = playbook;
			this.raised.add(response);
		}
		return response;
	}

	void failed(String rule, String message) {
		this.errors.add(new RuleError(rule, this.account.getAccountId(), message));
	}

	void failed(String rule, Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		failed(rule, message);
	}

	String firingRule() {
		return this.firingRule;
	}

	Map<String, Integer> firings() {
		return Map.copyOf(this.firings);
	}

	List<RuleError> errors() {
		return List.copyOf(this.errors);
	}

	/**
	 * The responses raised.
	 * @param worded whether to put each reason into words (fill its placeholders); a
	 * caller that only needs the decisions leaves the reason {@code null}
	 */
	List<PlaybookResponse> responses(boolean worded) {
		if (this.raised.isEmpty()) {
			return List.of();
		}
		return this.raised.stream().map((response) -> response.toResponse(this.account, worded)).toList();
	}

	/**
	 * A response being raised; the rule adds its evidence after {@code raise} returns.
	 */
	private static final class Raised implements Evidence {

		private final String rule;

		private final String playbookName;

		private final String reason;

		private final Map<String, Object> facts = new LinkedHashMap<>();

		private final Map<String, Double> thresholds = new LinkedHashMap<>();

		private Playbook playbook;

		private String periodKey;

		private String occurrence;

		Raised(String rule, String playbookName, String reason) {
			this.rule = rule;
			this.playbookName = playbookName;
			this.reason = reason;
		}

		@Override
		public Evidence fact(String name, Object value) {
			this.facts.put(name, value);
			return this;
		}

		@Override
		public Evidence threshold(Threshold threshold) {
			this.thresholds.put(threshold.getName(), threshold.getValue());
			return this;
		}

		@Override
		public Evidence period(String periodKey) {
			this.periodKey = periodKey;
			return this;
		}

		@Override
		public Evidence occurrence(Object occurrence) {
			this.occurrence = (occurrence != null) ? occurrence.toString() : null;
			return this;
		}

		PlaybookResponse toResponse(AccountFacts account, boolean worded) {
			Map<String, Object> evidence = new HashMap<>(this.facts);
			evidence.putAll(this.thresholds);
			evidence.put("playbook", this.playbookName);
			Map<String, Object> values = new FactValues(evidence, account);
			String period = (this.periodKey != null) ? this.periodKey
					: this.playbook.dedup().periodKey(account.getRunDate(), account.getDaysToRenewal());
			return new PlaybookResponse(account.getAccountId(), this.playbook, this.rule,
					worded ? PlaceholderText.fill(this.reason, values) : null, this.facts, this.thresholds, period,
					this.occurrence, account.getRunDate(), values);
		}

	}

}
