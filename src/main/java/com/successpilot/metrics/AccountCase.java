package com.successpilot.metrics;

import java.util.List;

import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.Threshold;

/**
 * Everything the rules judge about one account on one run date: its facts, the progress
 * of its success goals, and its thresholds (segment defaults with this customer's agreed
 * values in their place).
 *
 * @param accountKey the account's database id
 * @param csmKey the database id of the account's CSM, {@code null} when unassigned
 */
public record AccountCase(long accountKey, Long csmKey, AccountFacts facts, List<GoalProgress> goals,
		List<Threshold> thresholds) {

}
