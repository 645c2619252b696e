package com.successpilot.rules.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import com.successpilot.rules.RuleSetProblem;
import com.successpilot.system.NearestName;

/**
 * What the YAML files of a rule set ({@code attention.yml}, {@code thresholds.yml}) are
 * checked with: a mapping takes only the keys it knows (an unknown one is a problem with
 * the nearest known key), and every problem names the file and the line.
 */
final class RuleYaml {

	private final String file;

	private final List<RuleSetProblem> problems;

	RuleYaml(String file, List<RuleSetProblem> problems) {
		this.file = file;
		this.problems = problems;
	}

	/**
	 * The entries of a mapping by key; a key not {@code allowed} is a problem and left
	 * out, as is a node that is no mapping.
	 * @param where the mapping's path, for messages; empty for the file itself
	 */
	Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowed) {
		Map<String, NodeTuple> fields = new LinkedHashMap<>();
		if (!(node instanceof MappingNode mapping)) {
			problem(node,
					((where.isEmpty()) ? "the file" : "'" + where + "'") + " must be a mapping of 'key: value' lines");
			return fields;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (key == null) {
				problem(tuple.getKeyNode(), "a key must be a word");
				continue;
			}
			if (!allowed.contains(key)) {
				problem(tuple.getKeyNode(),
						"unknown key '" + key + "'" + ((where.isEmpty()) ? "" : " in '" + where + "'")
								+ NearestName.suggestion(key, allowed) + " (known: "
								+ String.join(", ", new TreeSet<>(allowed)) + ")");
				continue;
			}
			fields.put(key, tuple);
		}
		return fields;
	}

	void problem(Node node, String message) {
		int line = (node != null) ? node.getStartMark().getLine() + 1 : 0;
		this.problems.add(new RuleSetProblem(this.file, line, message));
	}

	static String scalar(Node node) {
		return (node instanceof ScalarNode scalar) ? scalar.getValue().trim() : null;
	}

	/**
	 * A number as a person wrote it: 50, not 50.0.
	 */
	static String shown(double number) {
		return (number == Math.rint(number)) ? String.valueOf((long) number) : String.valueOf(number);
	}

}
