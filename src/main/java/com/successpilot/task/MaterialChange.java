package com.successpilot.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether raising a task again changes something its CSM acts on, and what: a new
 * occurrence, a higher priority, an earlier due date, or its main fact crossing the
 * threshold further by more than the margin CS ops set. Day counters and small drifts are
 * not material: the task is updated without a mail.
 * <p>
 * What changed is kept as a note of {@code ;}-separated items the mail and pages put in
 * words ({@link TaskChanges}): {@code occurrence}, {@code priority:medium>high},
 * {@code due:2026-12-10>2026-12-05}, {@code fact:activeUsersTrendPct:-35>-52},
 * {@code snooze-ended}.
 */
final class MaterialChange {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final List<String> PRIORITIES = List.of("low", "medium", "high");

	private MaterialChange() {
	}

	/**
	 * @param marginPct how much further, in % of the threshold, the fact must go
	 * @return the note of what changed materially, empty when nothing did
	 */
	static String between(StoredTask before, RaisedTask now, LocalDate dueDate, boolean wakesUp, double marginPct) {
		List<String> changes = new ArrayList<>();
		if (wakesUp) {
			changes.add("snooze-ended");
		}
		if (!before.occurrence().equals(now.occurrence())) {
			changes.add("occurrence");
		}
		if (PRIORITIES.indexOf(now.priority()) > PRIORITIES.indexOf(before.priority())) {
			changes.add("priority:" + before.priority() + ">" + now.priority());
		}
		if (dueDate.isBefore(before.dueDate())) {
			changes.add("due:" + before.dueDate() + ">" + dueDate);
		}
		String crossed = crossedFurther(before.toldEvidence(), now.evidence(), marginPct);
		if (crossed != null) {
			changes.add(crossed);
		}
		return String.join(";", changes);
	}

	/**
	 * The main fact (the first one with a number) against the main threshold: how far
	 * beyond it the fact was when the CSM was last told, and how far it is now.
	 */
	static String crossedFurther(String toldEvidence, String evidence, double marginPct) {
		Fact told = mainFact(toldEvidence);
		Fact now = mainFact(evidence);
		if (told == null || now == null || !told.name().equals(now.name()) || now.threshold() == null
				|| told.threshold() == null) {
			return null;
		}
		double depthBefore = Math.abs(told.value() - told.threshold());
		double depthNow = Math.abs(now.value() - now.threshold());
		boolean sameSide = Math.signum(told.value() - told.threshold()) == Math.signum(now.value() - now.threshold());
		double scale = (now.threshold() != 0) ? Math.abs(now.threshold()) : Math.max(1, Math.abs(told.value()));
		if (sameSide && depthNow - depthBefore >= scale * marginPct / 100) {
			return "fact:" + now.name() + ":" + shown(told.value()) + ">" + shown(now.value());
		}
		return null;
	}

	private static Fact mainFact(String evidence) {
		if (evidence == null || evidence.isBlank()) {
			return null;
		}
		try {
			JsonNode root = JSON.readTree(evidence);
			Map.Entry<String, Double> fact = firstNumber(root.get("facts"));
			Map.Entry<String, Double> threshold = firstNumber(root.get("thresholds"));
			return (fact != null)
					? new Fact(fact.getKey(), fact.getValue(), (threshold != null) ? threshold.getValue() : null)
					: null;
		}
		catch (RuntimeException ex) {
			// evidence cut at its column length is no JSON any more: nothing to compare
			return null;
		}
	}

	private static Map.Entry<String, Double> firstNumber(JsonNode object) {
		if (object == null || !object.isObject()) {
			return null;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode value = field.getValue();
			// a threshold may be stored as {"value": …, "source": …}
			JsonNode number = (value.isObject() && value.has("value")) ? value.get("value") : value;
			if (number.isNumber()) {
				return Map.entry(field.getKey(), number.asDouble());
			}
		}
		return null;
	}

	private static String shown(double number) {
		return (number == Math.rint(number)) ? String.valueOf((long) number)
				: String.valueOf(Math.round(number * 10) / 10.0);
	}

	private record Fact(String name, double value, Double threshold) {

	}

	/**
	 * A task open, snoozed or held back, as stored.
	 */
	record StoredTask(long id, String activeKey, String occurrence, String rule, String why, String evidence,
			String mailedEvidence, String rulesVersion, Long owner, String status, LocalDate snoozedUntil,
			String priority, LocalDate dueDate, Double rankScore, String rankParts, Long deliveredRun, Long changedRun,
			String changeNote, Long assigned) {

		StoredTask {
			occurrence = (occurrence != null) ? occurrence : "";
		}

		/**
		 * The evidence as the CSM was last told it: kept apart only once the stored
		 * evidence has drifted from it.
		 */
		String toldEvidence() {
			return (this.mailedEvidence != null) ? this.mailedEvidence : this.evidence;
		}

		boolean delivered() {
			return this.deliveredRun != null;
		}

		boolean wakesUpOn(LocalDate runDate) {
			return "SNOOZED".equals(this.status) && this.snoozedUntil != null && !this.snoozedUntil.isAfter(runDate);
		}

		/**
		 * Whether raising the task again would change nothing but when it was last seen.
		 * The rules raise it for the account's CSM; a task handed to another CSM stays
		 * theirs ({@link TaskHolder}), which is no change.
		 */
		boolean sameAs(RaisedTask task, String version, LocalDate dueDate) {
			return Objects.equals(this.why, task.why()) && Objects.equals(this.rule, task.rule())
					&& Objects.equals(this.evidence, task.evidence()) && Objects.equals(this.rulesVersion, version)
					&& Objects.equals(this.owner, TaskHolder.of(this.assigned, task.ownerKey()))
					&& this.occurrence.equals(task.occurrence()) && this.priority.equals(task.priority())
					&& this.dueDate.equals(dueDate) && this.rankScore != null
					&& Math.abs(this.rankScore - task.rankScore()) < 0.05;
		}

	}

}
