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
			try {
				Map<?, ?> content = load(path);
				if (!(content.get("scenarios") instanceof List<?> list)) {
					throw new IllegalArgumentException("needs a 'scenarios:' list");
				}
				for (Object entry : list) {
					scenarios.add(YamlScenario.of(file, (Map<?, ?>) entry, defaults));
				}
			}
			catch (YAMLException | ClassCastException | IllegalArgumentException ex) {
				problems.add(file + ": " + ex.getMessage());
			}
		}
		return new ScenarioFiles(scenarios, problems);
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
