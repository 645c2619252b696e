package com.successpilot.rules.facts;

/**
 * How a rule raises a playbook response. Every rule file declares
 * {@code global Playbooks playbook;} and raises in one line:
 *
 * <pre>
 * playbook.raise("usage-decline-rescue", "Active users down {activeUsersTrendPct}% in 30 days")
 *     .fact("activeUsersTrendPct", $trend)
 *     .threshold($limit);
 * </pre>
 *
 * The rule's name and the account are recorded automatically; {@code {name}} placeholders
 * in the reason are filled from the evidence and the account's facts.
 */
public interface Playbooks {

	/**
	 * Raises the playbook (a file name in {@code rules/playbooks/} without {@code .yml}).
	 * @param playbook the playbook's name
	 * @param reason why, in words the CSM understands; may use {@code {placeholders}}
	 * @return the response, to add the evidence to
	 */
	Evidence raise(String playbook, String reason);

	/**
	 * The evidence of one response: the fact values and thresholds it was judged on.
	 */
	interface Evidence {

		/** A fact value the judgement rests on, by the fact's field name. */
		Evidence fact(String name, Object value);

		/** A threshold the fact was judged against. */
		Evidence threshold(Threshold threshold);

		/**
		 * The period this response belongs to, replacing the playbook's own dedup period:
		 * e.g. a goal's id and month, so each goal gets its own task.
		 */
		Evidence period(String periodKey);

		/**
		 * What made this rule fire: the NPS answer, the escalated tickets, the goal
		 * period. A task a CSM marked done or dismissed is not raised again for the same
		 * occurrence within the playbook's dedup period; a new occurrence raises a new
		 * task. Without it the occurrence is the account (+ the playbook's period).
		 * @param occurrence e.g. the NPS response's id; its text is used, trimmed and cut
		 * to 150 characters; {@code null} or blank names none
		 */
		Evidence occurrence(Object occurrence);

	}

}
