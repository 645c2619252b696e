package com.successpilot.playbook;

import java.util.List;

/**
 * A playbook: the organisation's agreed move for one judgement, e.g.
 * {@code usage-decline-rescue}. Defined in {@code rules/playbooks/<name>.yml}.
 *
 * @param name the name rules raise it by (the file name without {@code .yml})
 * @param type what kind of task it creates
 * @param priority how soon the CSM should act
 * @param tasks the tasks it creates, at least one
 * @param dedup how often it may create tasks for the same account
 * @param autoClose whether its open tasks are closed once its rule no longer fires
 * @param urgent whether its tasks are mailed at once rather than in the daily digest
 * @param file where it is defined, relative to the rules directory
 */
public record Playbook(String name, TaskType type, Priority priority, List<TaskTemplate> tasks, DedupPeriod dedup,
		boolean autoClose, boolean urgent, String file) {

	public Playbook {
		tasks = List.copyOf(tasks);
	}

}
