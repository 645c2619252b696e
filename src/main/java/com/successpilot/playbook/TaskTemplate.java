package com.successpilot.playbook;

import java.util.Map;

/**
 * One task a playbook creates: title and description may use {@code {placeholders}}
 * filled from the account's facts and the response's evidence, in one or more languages;
 * the task is due this many days after the run date.
 */
public record TaskTemplate(LocalizedText title, LocalizedText description, int dueInDays) {

	/** The title in the reader's language, placeholders filled. */
	public String title(String language, Map<String, ?> values) {
		return PlaceholderText.fill(this.title.in(language), values);
	}

	/** The description in the reader's language, placeholders filled; empty when none. */
	public String description(String language, Map<String, ?> values) {
		String text = this.description.in(language);
		return (text != null) ? PlaceholderText.fill(text, values) : "";
	}

}
