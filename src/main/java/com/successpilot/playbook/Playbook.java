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
 * @param description what the playbook is for, for people
 * @param why the reason shown to the CSM, with {@code {placeholders}}; when it has no
 * text in the CSM's language, the rule's own reason is shown
 * @param steps the steps of the move, in order, each with its due date
 */
public record Playbook(String name, TaskType type, Priority priority, List<TaskTemplate> tasks, DedupPeriod dedup,
		boolean autoClose, boolean urgent, String file, LocalizedText description, LocalizedText why,
		List<PlaybookStep> steps) {

	public Playbook {
		tasks = List.copyOf(tasks);
		description = (description != null) ? description : LocalizedText.none();
		why = (why != null) ? why : LocalizedText.none();
		steps = List.copyOf(steps);
	}

}
