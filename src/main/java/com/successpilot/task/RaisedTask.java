package com.successpilot.task;

import java.time.LocalDate;

/**
 * A task the rules want to exist for an account, before deduplication.
 *
 * @param dedupKey playbook + account (+ period, + task number for playbooks with several
 * tasks)
 * @param accountKey the account's database id
 * @param ownerKey the CSM's database id, {@code null} when the account has none
 * @param why the reason in words a CSM understands
 * @param evidence the facts and thresholds as JSON
 */
public record RaisedTask(String dedupKey, long accountKey, Long ownerKey, String playbook, String type, String priority,
		String title, String description, LocalDate dueDate, boolean urgent, boolean autoClose, String rule, String why,
		String evidence) {

}
