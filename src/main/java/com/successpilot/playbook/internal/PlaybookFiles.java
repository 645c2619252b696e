package com.successpilot.playbook.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

import com.successpilot.playbook.Playbook;
import com.successpilot.playbook.PlaybookProblem;

/**
 * Reads the playbook files of a rule set, one playbook per file, collecting every problem
 * rather than stopping at the first.
 */
public record PlaybookFiles(Map<String, Playbook> playbooks, List<PlaybookProblem> problems) {

	/**
	 * The {@code *.yml} files of {@code <rulesDir>/playbooks}, by path relative to the
	 * rules directory.
	 */
	public static SortedMap<String, byte[]> contents(Path rulesDir) throws IOException {
		SortedMap<String, byte[]> contents = new TreeMap<>();
		Path playbooksDir = rulesDir.resolve("playbooks");
		if (!Files.isDirectory(playbooksDir)) {
			return contents;
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(playbooksDir)) {
			files = listing.filter((path) -> path.getFileName().toString().endsWith(".yml"))
				.filter(Files::isRegularFile)
				.toList();
		}
		for (Path path : files) {
			contents.put(rulesDir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
		}
		return contents;
	}

	/**
	 * Parses playbook files.
	 * @param contents the bytes of each file by its path relative to the rules directory
	 * ({@code playbooks/<name>.yml}), in path order
	 */
	public static PlaybookFiles parse(SortedMap<String, byte[]> contents) {
		Map<String, Playbook> playbooks = new LinkedHashMap<>();
		List<PlaybookProblem> problems = new ArrayList<>();
		contents.forEach((file, content) -> {
			PlaybookYaml yaml = new PlaybookYaml(file, problems);
			Node root = compose(content, file, problems);
			if (root == null) {
				return;
			}
			Playbook playbook = yaml.playbook(root, expectedName(file));
			if (playbook != null && playbooks.putIfAbsent(playbook.name(), playbook) != null) {
				problems.add(new PlaybookProblem(file, 1, "a playbook named '" + playbook.name() + "' already exists"));
			}
		});
		return new PlaybookFiles(playbooks, problems);
	}

	private static String expectedName(String file) {
		String fileName = file.substring(file.lastIndexOf('/') + 1);
		return fileName.substring(0, fileName.length() - ".yml".length());
	}

	private static Node compose(byte[] content, String file, List<PlaybookProblem> problems) {
		try {
			Node root = new Yaml(new LoaderOptions())
				.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
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
