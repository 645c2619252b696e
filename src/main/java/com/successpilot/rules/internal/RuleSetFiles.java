package com.successpilot.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.RuleFile;
import com.successpilot.rules.RuleFile.Kind;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * Which files of a rules directory make up the rule set, reading them, and the set's
 * version: a hash of the content read, so the same files always give the same version.
 * Scenario files are listed too, but are not part of the set or its version.
 */
public final class RuleSetFiles {

	private static final String PLAYBOOKS = "playbooks/";

	private RuleSetFiles() {
	}

	/**
	 * Reads every file of the set in the directory, each once.
	 */
	public static Read read(Path dir) throws IOException {
		List<Path> all;
		try (Stream<Path> walk = Files.walk(dir)) {
			all = walk.filter(Files::isRegularFile)
				.filter((path) -> !dir.relativize(path).toString().startsWith("."))
				.sorted()
				.toList();
		}
		SortedMap<String, byte[]> files = new TreeMap<>();
		List<String> scenarios = new ArrayList<>();
		for (Path path : all) {
			String relative = dir.relativize(path).toString().replace('\\', '/');
			if (isPartOfTheSet(relative)) {
				files.put(relative, Files.readAllBytes(path));
			}
			if (isScenario(relative)) {
				scenarios.add(relative);
			}
		}
		return new Read(files, scenarios);
	}

	/**
	 * The first 12 hex digits of the SHA-256 over every file's relative path and content,
	 * in path order.
	 */
	public static String version(SortedMap<String, byte[]> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			files.forEach((path, content) -> {
				digest.update(path.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(content);
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Rule files, decision tables, playbooks, {@code attention.yml} (ranking and budgets
	 * are part of the version, like the rules) and {@code thresholds.yml}.
	 */
	public static boolean isPartOfTheSet(String path) {
		return isRuleFile(path) || isDecisionTable(path) || isPlaybook(path) || isAttention(path)
				|| path.equals(ThresholdCatalogue.FILE);
	}

	static boolean isRuleFile(String path) {
		return path.endsWith(".drl");
	}

	static boolean isDecisionTable(String path) {
		return path.endsWith(".drl.csv") || path.endsWith(".drl.xls") || path.endsWith(".drl.xlsx");
	}

	static boolean isPlaybook(String path) {
		return path.startsWith(PLAYBOOKS) && path.endsWith(".yml") && path.indexOf('/', PLAYBOOKS.length()) < 0;
	}

	static boolean isAttention(String path) {
		return path.equals(AttentionPolicy.FILE);
	}

	static boolean isScenario(String path) {
		return path.endsWith(ScenarioFiles.SUFFIX);
	}

	/**
	 * Every file of a set by kind, then its scenario files: rule files, decision tables,
	 * playbooks, scenarios.
	 */
	static List<RuleFile> listing(Collection<String> paths, List<String> scenarioFiles) {
		List<RuleFile> listing = new ArrayList<>();
		paths.stream().filter(RuleSetFiles::isRuleFile).forEach((path) -> listing.add(new RuleFile(path, Kind.DRL)));
		paths.stream()
			.filter(RuleSetFiles::isDecisionTable)
			.forEach((path) -> listing.add(new RuleFile(path, Kind.DECISION_TABLE)));
		paths.stream()
			.filter(RuleSetFiles::isPlaybook)
			.forEach((path) -> listing.add(new RuleFile(path, Kind.PLAYBOOK)));
		scenarioFiles.forEach((path) -> listing.add(new RuleFile(path, Kind.SCENARIO)));
		return listing;
	}

	/**
	 * What one read of a directory found.
	 *
	 * @param files the set's files by relative path, with their content
	 * @param scenarioFiles the scenario files beside them
	 */
	public record Read(Map<String, byte[]> files, List<String> scenarioFiles) {

	}

}
