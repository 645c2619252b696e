package com.successpilot.rules.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import com.successpilot.rules.RuleSetProblem;
import com.successpilot.rules.ThresholdCatalogue;
import com.successpilot.rules.ThresholdCatalogue.Declared;

/**
 * Reads {@code rules/thresholds.yml} into a {@link ThresholdCatalogue}. Every problem (an
 * unknown key, a missing unit or description, a range upside down, a segment default
 * outside its range) is reported with its line, so a catalogue with a mistake never goes
 * live.
 */
final class ThresholdCatalogueYaml {

	private static final Set<String> KEYS = Set.of("unit", "min", "max", "description", "segments");

	private final List<RuleSetProblem> problems;

	private final RuleYaml yaml;

	private ThresholdCatalogueYaml(List<RuleSetProblem> problems) {
		this.problems = problems;
		this.yaml = new RuleYaml(ThresholdCatalogue.FILE, problems);
	}

	/**
	 * @param content the bytes of the file, or null when the set has none
	 */
	static ThresholdCatalogue read(byte[] content, List<RuleSetProblem> problems) {
		if (content == null) {
			return ThresholdCatalogue.absent();
		}
		try {
			Node root = new Yaml(new LoaderOptions())
				.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
			return new ThresholdCatalogueYaml(problems).catalogue(root);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			problems.add(new RuleSetProblem(ThresholdCatalogue.FILE, line, "not valid YAML: " + ex.getProblem()));
			return new ThresholdCatalogue(List.of(), true);
		}
	}

	private ThresholdCatalogue catalogue(Node root) {
		List<Declared> declared = new ArrayList<>();
		Map<String, NodeTuple> top = this.yaml.mapping(root, "", Set.of("thresholds"));
		NodeTuple thresholds = top.get("thresholds");
		if (thresholds == null) {
			this.yaml.problem(root, "the file must list 'thresholds:', each by name");
			return new ThresholdCatalogue(declared, true);
		}
		if (!(thresholds.getValueNode() instanceof MappingNode names)) {
			this.yaml.problem(thresholds.getValueNode(), "'thresholds' must list thresholds by name");
			return new ThresholdCatalogue(declared, true);
		}
		for (NodeTuple tuple : names.getValue()) {
			String name = RuleYaml.scalar(tuple.getKeyNode());
			if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
				this.yaml.problem(tuple.getKeyNode(), "a threshold's name is lower-case letters, digits and '_', not '"
						+ name + "' (e.g. seat_utilisation_min_pct)");
				continue;
			}
			Declared one = threshold(name, tuple);
			if (one != null) {
				declared.add(one);
			}
		}
		return new ThresholdCatalogue(declared, true);
	}

	private Declared threshold(String name, NodeTuple tuple) {
		int before = this.problems.size();
		Map<String, NodeTuple> fields = this.yaml.mapping(tuple.getValueNode(), name, KEYS);
		String unit = text(fields, "unit", name, tuple.getKeyNode());
		Double min = number(fields, "min", name, tuple.getKeyNode());
		Double max = number(fields, "max", name, tuple.getKeyNode());
		if (min != null && max != null && min > max) {
			this.yaml.problem(fields.get("max").getValueNode(),
					"'" + name + "': 'max' " + max + " is below 'min' " + min + " — the range is upside down");
		}
		String en = null;
		String ja = null;
		NodeTuple description = fields.get("description");
		if (description == null) {
			this.yaml.problem(tuple.getKeyNode(), "'" + name + "' needs a 'description' with 'en' and 'ja'");
		}
		else {
			Map<String, NodeTuple> languages = this.yaml.mapping(description.getValueNode(), name + ".description",
					Set.of("en", "ja"));
			en = text(languages, "en", name + ".description", description.getKeyNode());
			ja = text(languages, "ja", name + ".description", description.getKeyNode());
		}
		Map<String, Double> segments = new LinkedHashMap<>();
		NodeTuple segmentsTuple = fields.get("segments");
		if (segmentsTuple != null) {
			if (segmentsTuple.getValueNode() instanceof MappingNode mapping) {
				for (NodeTuple segment : mapping.getValue()) {
					String segmentName = RuleYaml.scalar(segment.getKeyNode());
					Double value = number(segment.getValueNode(), name + ".segments." + segmentName);
					if (value != null && min != null && max != null && (value < min || value > max)) {
						this.yaml.problem(segment.getValueNode(),
								"'" + name + "': the default for " + segmentName + ", " + RuleYaml.shown(value)
										+ ", is outside the range " + RuleYaml.shown(min) + "–" + RuleYaml.shown(max));
					}
					if (segmentName != null && value != null) {
						segments.put(segmentName, value);
					}
				}
			}
			else {
				this.yaml.problem(segmentsTuple.getValueNode(),
						"'" + name + ".segments' must list a default per segment, e.g. 'enterprise: 55'");
			}
		}
		if (this.problems.size() > before) {
			return null;
		}
		return new Declared(name, unit, min, max, en, ja, segments, tuple.getKeyNode().getStartMark().getLine() + 1);
	}

	private String text(Map<String, NodeTuple> fields, String key, String where, Node owner) {
		NodeTuple tuple = fields.get(key);
		String value = (tuple != null) ? RuleYaml.scalar(tuple.getValueNode()) : null;
		if (value == null || value.isEmpty()) {
			this.yaml.problem((tuple != null) ? tuple.getValueNode() : owner, "'" + where + "' needs '" + key + "'");
			return null;
		}
		return value;
	}

	private Double number(Map<String, NodeTuple> fields, String key, String where, Node owner) {
		NodeTuple tuple = fields.get(key);
		if (tuple == null) {
			this.yaml.problem(owner, "'" + where + "' needs '" + key + "'");
			return null;
		}
		return number(tuple.getValueNode(), where + "." + key);
	}

	private Double number(Node node, String where) {
		String text = RuleYaml.scalar(node);
		try {
			return Double.parseDouble(text.replace("_", ""));
		}
		catch (NullPointerException | NumberFormatException ex) {
			this.yaml.problem(node, "'" + where + "' must be a number, not '" + text + "'");
			return null;
		}
	}

}
