package com.successpilot.task.internal;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.JsonNode;

import com.successpilot.task.TaskView;

/**
 * Everything about one task: what a list shows, plus the evidence (facts and thresholds
 * as a JSON object), the rules version and runs that raised and last saw it, and what
 * people did to it, oldest first.
 *
 * @param createdRulesVersion the rules version that raised it
 * @param rulesVersion the rules version of the last run that still raised it
 * @param createdRun the run (job instance id) that raised it
 * @param lastSeenRun the last run whose rules still raised it
 */
record TaskDetails(@JsonUnwrapped TaskView task, boolean autoClose, JsonNode evidence, String createdRulesVersion,
		String rulesVersion, long createdRun, LocalDateTime createdAt, long lastSeenRun, LocalDateTime updatedAt,
		List<TaskEvent> history) {

	TaskDetails withHistory(List<TaskEvent> events) {
		return new TaskDetails(this.task, this.autoClose, this.evidence, this.createdRulesVersion, this.rulesVersion,
				this.createdRun, this.createdAt, this.lastSeenRun, this.updatedAt, events);
	}

}
