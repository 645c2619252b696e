package com.successpilot.rules.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.successpilot.rules.Scenario;

/**
 * Reads the scenario files of a rules directory and the defaults they share.
 */
public record ScenarioFiles(List<Scenario> scenarios, List<String> problems) {

	static final String DEFAULTS = "scenario-defaults.yml";

	static final String SUFFIX = ".scenarios.yml";

	public static ScenarioFiles read(Path rulesDir) throws IOException {
		List<Scenario> scenarios = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		ScenarioDefaults defaults;
		try {
			defaults = ScenarioDefaults.of(load(rulesDir.resolve(DEFAULTS)));
		}
		catch (IOException | RuntimeException ex) {
			problems.add(DEFAULTS + ": " + ex.getMessage());
			return new ScenarioFiles(scenarios, problems);
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(rulesDir)) {
			files = walk.filter((path) -> path.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
		}
		for (Path path : files) {
			String file = rulesDir.relativize(path).toString().replace('\\', '/');
			int index = 0;
			try {
				Map<?, ?> content = load(path);
				if (!(content.get("scenarios") instanceof List<?> list)) {
					throw new IllegalArgumentException("needs a 'scenarios:' list");
				}
				for (Object entry : list) {
					scenarios.add(YamlScenario.of(file, (Map<?, ?>) entry, defaults));
					index++;
				}
			}
			catch (YAMLException | ClassCastException | IllegalArgumentException ex) {
				problems.add(where(file, path, index, rulesDir.resolve(DEFAULTS), ex) + ": " + ex.getMessage());
			}
		}
		return new ScenarioFiles(scenarios, problems);
	}

	/**
	 * The file, and the line of a fact field that is wrong: in the scenario that states
	 * it, else in the defaults.
	 */
	private static String where(String file, Path path, int scenario, Path defaults, Exception problem)
			throws IOException {
		String field = field(problem);
		if (field == null) {
			return file;
		}
		Node scenarios = child(compose(path), "scenarios");
		int line = (scenarios instanceof SequenceNode list && scenario < list.getValue().size())
				? line(list.getValue().get(scenario), field) : 0;
		if (line > 0) {
			return file + ":" + line;
		}
		int defaultsLine = line(compose(defaults), field);
		return (defaultsLine > 0) ? file + " (" + DEFAULTS + ":" + defaultsLine + ")" : file;
	}

	private static String field(Throwable problem) {
		for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
			if (cause instanceof FactsFromYaml.FactFieldException wrong) {
				return wrong.field();
			}
		}
		return null;
	}

	private static Node compose(Path path) throws IOException {
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			return new Yaml(new LoaderOptions()).compose(reader);
		}
	}

	private static Node child(Node node, String key) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
					return tuple.getValueNode();
				}
			}
		}
		return null;
	}

	/**
	 * The line of the first key named {@code key} at any depth below the node, or 0.
	 */
	private static int line(Node node, String key) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
					return name.getStartMark().getLine() + 1;
				}
				int line = line(tuple.getValueNode(), key);
				if (line > 0) {
					return line;
				}
			}
		}
		if (node instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				int line = line(item, key);
				if (line > 0) {
					return line;
				}
			}
		}
		return 0;
	}

	static Map<?, ?> load(Path path) throws IOException {
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			Object content = new Yaml(new LoaderOptions()).load(reader);
			if (!(content instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException("must be a mapping of 'key: value' lines");
			}
			return map;
		}
	}

}
