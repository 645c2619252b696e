package com.successpilot.playbook.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

import com.successpilot.playbook.Playbook;
import com.successpilot.playbook.PlaybookProblem;

/**
 * Reads the playbook files of a rules directory, one playbook per file, collecting every
 * problem rather than stopping at the first.
 */
public record PlaybookFiles(Map<String, Playbook> playbooks, List<PlaybookProblem> problems) {

	public static PlaybookFiles read(Path rulesDir, Path playbooksDir) throws IOException {
		Map<String, Playbook> playbooks = new LinkedHashMap<>();
		List<PlaybookProblem> problems = new ArrayList<>();
		if (!Files.isDirectory(playbooksDir)) {
			return new PlaybookFiles(playbooks, problems);
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(playbooksDir)) {
			files = listing.filter((path) -> path.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
		for (Path path : files) {
			String file = rulesDir.relativize(path).toString().replace('\\', '/');
			PlaybookYaml yaml = new PlaybookYaml(file, problems);
			Node root = compose(path, file, problems);
			if (root == null) {
				continue;
			}
			Playbook playbook = yaml.playbook(root, expectedName(path));
			if (playbook != null && playbooks.putIfAbsent(playbook.name(), playbook) != null) {
				problems.add(new PlaybookProblem(file, 1, "a playbook named '" + playbook.name() + "' already exists"));
			}
		}
		return new PlaybookFiles(playbooks, problems);
	}

	private static String expectedName(Path path) {
		String fileName = path.getFileName().toString();
		return fileName.substring(0, fileName.length() - ".yml".length());
	}

	private static Node compose(Path path, String file, List<PlaybookProblem> problems) throws IOException {
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			Node root = new Yaml(new LoaderOptions()).compose(reader);
			if (root == null) {
				problems.add(new PlaybookProblem(file, 1, "the file is empty"));
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			problems.add(new PlaybookProblem(file, line, "not valid YAML: " + ex.getProblem()));
			return null;
		}
	}

}
