package com.successpilot.rules;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.successpilot.playbook.PlaceholderText;
import com.successpilot.playbook.Playbook;
import com.successpilot.rules.facts.Words;

/**
 * A rule's decision that an account needs a playbook, with why: the rule, the reason in
 * words, and the evidence (fact values and thresholds by name). Immutable.
 *
 * @param accountId the account
 * @param playbook the playbook raised
 * @param rule the name of the rule that raised it
 * @param reason why, with placeholders filled; {@code null} when the account was judged
 * for its decisions only ({@link RuleSet#decide})
 * @param facts the fact values the judgement rests on, by field name, in the order given
 * @param thresholds the thresholds they were judged against, by name
 * @param periodKey the period part of the deduplication key (empty: once per account)
 * @param occurrence what made the rule fire, as the rule named it with
 * {@code .occurrence(...)} (an NPS answer, escalated tickets, a goal period); empty when
 * the rule named none, so the occurrence is the account and the period; kept trimmed and
 * cut to 150 characters
 * @param runDate the run date
 * @param values the account's facts and the evidence, for filling task templates
 */
public record PlaybookResponse(String accountId, Playbook playbook, String rule, String reason,
		Map<String, Object> facts, Map<String, Double> thresholds, String periodKey, String occurrence,
		LocalDate runDate, Map<String, Object> values) {

	// long enough for a goal id and its period or a ticket id, short enough to fit
	// a deduplication key
	private static final int OCCURRENCE_MAX_LENGTH = 150;

	public PlaybookResponse {
		occurrence = kept(occurrence);
		facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
		thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
		// not copied: the engine passes a read-only view that reads account fields on
		// demand
		values = Collections.unmodifiableMap(values);
	}

	public String playbookName() {
		return this.playbook.name();
	}

	/**
	 * Playbook, account and period: a task with the same key is not created twice.
	 */
	public String dedupKey() {
		return this.playbook.name() + "|" + this.accountId + (this.periodKey.isEmpty() ? "" : "|" + this.periodKey);
	}

	/**
	 * The playbook's tasks for this response, placeholders filled, due dates counted from
	 * the run date.
	 */
	public List<TaskDraft> taskDrafts() {
		return taskDrafts("en");
	}

	/**
	 * The playbook's tasks in the reader's language ({@code ja}, {@code en}; another
	 * language only where the playbook lacks the reader's), placeholders filled, due
	 * dates counted from the run date.
	 */
	public List<TaskDraft> taskDrafts(String language) {
		return this.playbook.tasks()
			.stream()
			.map((template) -> new TaskDraft(template.title(language, inLanguage(language)),
					template.description(language, inLanguage(language)), this.runDate.plusDays(template.dueInDays())))
			.toList();
	}

	/**
	 * The due date of each of the playbook's tasks, counted from the run date, in the
	 * order of {@link #taskDrafts}: what a task needs besides its texts.
	 */
	public List<LocalDate> dueDates() {
		return this.playbook.tasks().stream().map((template) -> this.runDate.plusDays(template.dueInDays())).toList();
	}

	/**
	 * Why, for a reader of this language: the playbook's own {@code why} in that language
	 * with placeholders filled from the evidence and the facts; the rule's reason when
	 * the playbook has none in that language.
	 */
	public String why(String language) {
		String why = this.playbook.why().withoutFallback(language);
		return (why != null) ? PlaceholderText.fill(why, inLanguage(language)) : this.reason;
	}

	/**
	 * The values for filling a text for a reader: words given in two languages
	 * ({@link Words}) in the reader's.
	 */
	private Map<String, Object> inLanguage(String language) {
		return new AbstractMap<>() {

			@Override
			public Object get(Object key) {
				Object value = PlaybookResponse.this.values.get(key);
				return (value instanceof Words words) ? words.in(language) : value;
			}

			@Override
			public boolean containsKey(Object key) {
				return PlaybookResponse.this.values.containsKey(key);
			}

			@Override
			public Set<Entry<String, Object>> entrySet() {
				throw new UnsupportedOperationException("placeholders are looked up by name");
			}

		};
	}

	/**
	 * The evidence as one line, e.g.
	 * {@code activeUsersTrendPct=-35, usage_decline_pct=20}.
	 */
	public String evidenceText() {
		StringBuilder text = new StringBuilder();
		this.facts.forEach((name, value) -> append(text, name, value));
		this.thresholds.forEach((name, value) -> append(text, name, value));
		return text.toString();
	}

	// trimmed and cut to length; empty for none
	private static String kept(String occurrence) {
		if (occurrence == null) {
			return "";
		}
		String text = occurrence.trim();
		return (text.length() > OCCURRENCE_MAX_LENGTH) ? text.substring(0, OCCURRENCE_MAX_LENGTH).trim() : text;
	}

	private static void append(StringBuilder text, String name, Object value) {
		text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(PlaceholderText.show(value));
	}

	/**
	 * One task to create, ready to be stored.
	 */
	public record TaskDraft(String title, String description, LocalDate dueDate) {
	}

}
