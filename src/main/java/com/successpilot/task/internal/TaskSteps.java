package com.successpilot.task.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import com.successpilot.playbook.PlaceholderText;
import com.successpilot.playbook.PlaybookStep;
import com.successpilot.rules.LiveRuleSet;

/**
 * The steps of a task's playbook in the live rule set, in the reader's language, with the
 * task's facts filled in and each step's due date: steps count from the day the task
 * reached its CSM (the day it was raised while it is held back), as in the mails.
 */
@Component
class TaskSteps {

	private final LiveRuleSet rules;

	TaskSteps(LiveRuleSet rules) {
		this.rules = rules;
	}

	/**
	 * One step as the task page shows it.
	 */
	record Step(int number, String text, LocalDate due) {

	}

	List<Step> of(TaskDetails task, Locale locale) {
		List<PlaybookStep> defined = this.rules.current()
			.playbooks()
			.find(task.task().playbook())
			.map((playbook) -> playbook.steps())
			.orElse(List.of());
		Map<String, Object> values = new LinkedHashMap<>();
		if (task.evidence() != null) {
			task.evidence()
				.path("facts")
				.properties()
				.forEach((fact) -> values.put(fact.getKey(), scalar(fact.getValue())));
		}
		values.put("accountName", task.task().account().name());
		LocalDate from = (task.task().deliveredOn() != null) ? task.task().deliveredOn() : task.task().createdOn();
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < defined.size(); i++) {
			PlaybookStep step = defined.get(i);
			steps.add(new Step(i + 1, PlaceholderText.fill(step.text().in(locale.getLanguage()), values),
					from.plusDays(step.dueInDays())));
		}
		return steps;
	}

	private static Object scalar(JsonNode value) {
		return value.isNumber() ? value.decimalValue() : value.isBoolean() ? value.booleanValue() : value.asString();
	}

}
