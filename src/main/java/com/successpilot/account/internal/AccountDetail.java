package com.successpilot.account.internal;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.task.TaskView;

/**
 * Everything about one account: what a list shows, plus its contracts, the facts the
 * rules judged on its latest run, its health per run date (newest first) and its tasks
 * (open and snoozed first, then the most recently closed).
 *
 * @param asOf the reference date of renewal date and days to renewal
 * @param latestFacts {@code null} before the account's first run
 */
record AccountDetail(@JsonUnwrapped AccountSummary account, LocalDate asOf, List<Contract> contracts,
		AccountFacts latestFacts, List<Health> healthHistory, List<TaskView> tasks) {

}
