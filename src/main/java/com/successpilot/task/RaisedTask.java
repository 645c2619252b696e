package com.successpilot.task;

import java.time.LocalDate;

/**
 * A task the rules want to exist for an account, before deduplication.
 *
 * @param activeKey playbook + account (+ period, + task number for playbooks with several
 * tasks): at most one task per key is open, snoozed or held back at a time
 * @param occurrence what made the rule fire (an NPS answer, an escalated ticket, a goal
 * period), or an empty text when the rule names none
 * @param accountKey the account's database id
 * @param ownerKey the CSM's database id, {@code null} when the account has none
 * @param why the reason in words a CSM understands
 * @param evidence the facts and thresholds as JSON
 * @param rankScore the task's score, 0 to 100
 * @param rankParts the parts of the score as JSON
 */
public record RaisedTask(String activeKey, String occurrence, long accountKey, Long ownerKey, String playbook,
		String type, String priority, String title, String description, LocalDate dueDate, boolean urgent,
		boolean autoClose, String rule, String why, String evidence, double rankScore, String rankParts) {

	public RaisedTask {
		occurrence = (occurrence != null) ? occurrence : "";
	}

	/**
	 * The active key and the occurrence: a task a CSM marked done or dismissed is not
	 * raised again under the same key.
	 */
	public String dedupKey() {
		return this.occurrence.isEmpty() ? this.activeKey : this.activeKey + "@" + this.occurrence;
	}

	/**
	 * The same task with its score.
	 */
	public RaisedTask ranked(double score, String parts) {
		return new RaisedTask(this.activeKey, this.occurrence, this.accountKey, this.ownerKey, this.playbook, this.type,
				this.priority, this.title, this.description, this.dueDate, this.urgent, this.autoClose, this.rule,
				this.why, this.evidence, score, parts);
	}

}
