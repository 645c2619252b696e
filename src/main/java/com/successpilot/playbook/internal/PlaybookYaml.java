package com.successpilot.playbook.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.successpilot.playbook.DedupPeriod;
import com.successpilot.playbook.LocalizedText;
import com.successpilot.playbook.Playbook;
import com.successpilot.playbook.PlaybookProblem;
import com.successpilot.playbook.PlaybookStep;
import com.successpilot.playbook.Priority;
import com.successpilot.playbook.TaskTemplate;
import com.successpilot.playbook.TaskType;

/**
 * Turns the YAML tree of one playbook file into a {@link Playbook}, reporting each
 * problem with the line it is on.
 */
final class PlaybookYaml {

	private static final Set<String> KEYS = Set.of("name", "type", "priority", "dedup", "auto-close", "urgent", "tasks",
			"description", "why", "steps");

	private static final Set<String> TASK_KEYS = Set.of("title", "description", "due-in-days");

	private static final Set<String> STEP_KEYS = Set.of("text", "due-in-days");

	/** The languages a text may be written in: {@code {ja: …, en: …}}. */
	private static final Set<String> LANGUAGES = Set.of("ja", "en");

	private final String file;

	private final List<PlaybookProblem> problems;

	private boolean valid = true;

	PlaybookYaml(String file, List<PlaybookProblem> problems) {
		this.file = file;
		this.problems = problems;
	}

	Playbook playbook(Node root, String expectedName) {
		Map<String, NodeTuple> fields = mapping(root, KEYS, "a playbook");
		if (fields == null) {
			return null;
		}
		String name = text(fields, "name", root, true);
		if (name != null && !name.equals(expectedName)) {
			problem(fields.get("name").getValueNode(),
					"the name '" + name + "' must match the file name '" + expectedName + ".yml'");
		}
		TaskType type = choice(fields, "type", TaskType.class, null, root);
		Priority priority = choice(fields, "priority", Priority.class, null, root);
		DedupPeriod dedup = choice(fields, "dedup", DedupPeriod.class, DedupPeriod.NONE, root);
		boolean autoClose = flag(fields, "auto-close");
		boolean urgent = flag(fields, "urgent");
		List<TaskTemplate> tasks = tasks(fields, root);
		LocalizedText description = localized(fields, "description", root, false);
		LocalizedText why = localized(fields, "why", root, false);
		List<PlaybookStep> steps = steps(fields);
		return this.valid ? new Playbook(name, type, priority, tasks, dedup, autoClose, urgent, this.file, description,
				why, steps) : null;
	}

	private List<PlaybookStep> steps(Map<String, NodeTuple> fields) {
		NodeTuple tuple = fields.get("steps");
		if (tuple == null) {
			return List.of();
		}
		if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
			problem(tuple.getValueNode(), "'steps' must be a list of steps, each with 'text' and 'due-in-days'");
			return List.of();
		}
		List<PlaybookStep> steps = new ArrayList<>();
		for (Node stepNode : sequence.getValue()) {
			Map<String, NodeTuple> step = mapping(stepNode, STEP_KEYS, "a step");
			if (step == null) {
				continue;
			}
			LocalizedText text = localized(step, "text", stepNode, true);
			Integer due = number(step, "due-in-days", stepNode);
			steps.add(new PlaybookStep(text, (due != null) ? due : 0));
		}
		return steps;
	}

	/**
	 * A text for people: a plain string, or one per language ({@code {ja: …, en: …}}).
	 */
	private LocalizedText localized(Map<String, NodeTuple> fields, String key, Node parent, boolean required) {
		NodeTuple tuple = fields.get(key);
		if (tuple == null || tuple.getValueNode() instanceof ScalarNode) {
			return LocalizedText.plain(text(fields, key, parent, required));
		}
		Map<String, NodeTuple> byLanguage = mapping(tuple.getValueNode(), LANGUAGES, "'" + key + "'");
		if (byLanguage == null) {
			return LocalizedText.none();
		}
		Map<String, String> texts = new LinkedHashMap<>();
		byLanguage.keySet().forEach((language) -> texts.put(language, text(byLanguage, language, null, false)));
		if (texts.isEmpty()) {
			problem(tuple.getValueNode(), "'" + key + "' must give a text in at least one of ja, en");
		}
		return LocalizedText.of(texts);
	}

	private List<TaskTemplate> tasks(Map<String, NodeTuple> fields, Node root) {
		NodeTuple tuple = fields.get("tasks");
		if (tuple == null || !(tuple.getValueNode() instanceof SequenceNode sequence)
				|| sequence.getValue().isEmpty()) {
			problem((tuple != null) ? tuple.getValueNode() : root, "'tasks' must list at least one task");
			return List.of();
		}
		List<TaskTemplate> tasks = new ArrayList<>();
		for (Node taskNode : sequence.getValue()) {
			Map<String, NodeTuple> task = mapping(taskNode, TASK_KEYS, "a task");
			if (task == null) {
				continue;
			}
			LocalizedText title = localized(task, "title", taskNode, true);
			LocalizedText description = localized(task, "description", taskNode, false);
			Integer due = number(task, "due-in-days", taskNode);
			tasks.add(new TaskTemplate(title, description, (due != null) ? due : 0));
		}
		return tasks;
	}

	private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) {
		if (!(node instanceof MappingNode mapping)) {
			problem(node, what + " must be a mapping of 'key: value' lines");
			return null;
		}
		Map<String, NodeTuple> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = ((ScalarNode) tuple.getKeyNode()).getValue();
			if (!allowed.contains(key)) {
				problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (known: "
						+ allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
			}
			fields.put(key, tuple);
		}
		return fields;
	}

	private String text(Map<String, NodeTuple> fields, String key, Node parent, boolean required) {
		NodeTuple tuple = fields.get(key);
		if (tuple == null) {
			if (required) {
				problem(parent, "'" + key + "' is missing");
			}
			return null;
		}
		if (!(tuple.getValueNode() instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			problem(tuple.getValueNode(), "'" + key + "' must be a text");
			return null;
		}
		return scalar.getValue().trim();
	}

	private Integer number(Map<String, NodeTuple> fields, String key, Node parent) {
		String value = text(fields, key, parent, true);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(fields.get(key).getValueNode(), "'" + key + "' must be a whole number of days, not '" + value + "'");
		return null;
	}

	private boolean flag(Map<String, NodeTuple> fields, String key) {
		String value = text(fields, key, null, false);
		if (value == null || value.equals("false")) {
			return false;
		}
		if (!value.equals("true")) {
			problem(fields.get(key).getValueNode(), "'" + key + "' must be true or false, not '" + value + "'");
		}
		return true;
	}

	private <E extends Enum<E>> E choice(Map<String, NodeTuple> fields, String key, Class<E> type, E defaultValue,
			Node parent) {
		String value = text(fields, key, parent, defaultValue == null);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			String allowed = Arrays.stream(type.getEnumConstants())
				.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
			problem(fields.get(key).getValueNode(),
					"'" + key + "' must be one of " + allowed + ", not '" + value + "'");
			return defaultValue;
		}
	}

	private void problem(Node node, String message) {
		this.valid = false;
		int line = (node != null) ? node.getStartMark().getLine() + 1 : 1;
		this.problems.add(new PlaybookProblem(this.file, line, message));
	}

}
