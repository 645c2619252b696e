package com.successpilot.playbook;

import java.util.Map;

/**
 * One task a playbook creates: title and description may use {@code {placeholders}}
 * filled from the account's facts and the response's evidence; the task is due this many
 * days after the run date.
 */
public record TaskTemplate(String title, String description, int dueInDays) {

	public String title(Map<String, ?> values) {
		return PlaceholderText.fill(this.title, values);
	}

	public String description(Map<String, ?> values) {
		return PlaceholderText.fill(this.description, values);
	}

}
