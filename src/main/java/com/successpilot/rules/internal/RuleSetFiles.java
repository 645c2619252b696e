package com.successpilot.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.successpilot.rules.AttentionPolicy;

import com.successpilot.rules.RuleFile;

/**
 * The files of a rules directory that make up the rule set, by kind, and the set's
 * version: a content hash, so the same files always give the same version. Scenario files
 * are listed too, but are not part of the version.
 */
record RuleSetFiles(Path dir, List<Path> ruleFiles, List<Path> decisionTables, List<Path> playbookFiles,
		List<Path> scenarioFiles) {

	static RuleSetFiles scan(Path dir) throws IOException {
		List<Path> all;
		try (Stream<Path> walk = Files.walk(dir)) {
			all = walk.filter(Files::isRegularFile)
				.filter((path) -> !dir.relativize(path).toString().startsWith("."))
				.sorted()
				.toList();
		}
		return new RuleSetFiles(dir, all.stream().filter((path) -> name(path).endsWith(".drl")).toList(),
				all.stream().filter(RuleSetFiles::isDecisionTable).toList(),
				all.stream()
					.filter((path) -> name(path).endsWith(".yml") && path.getParent().equals(dir.resolve("playbooks")))
					.toList(),
				all.stream().filter((path) -> name(path).endsWith(ScenarioFiles.SUFFIX)).toList());
	}

	/**
	 * Every file listed, by kind: rule files, decision tables, playbooks, scenarios.
	 */
	List<RuleFile> listing() {
		List<RuleFile> listing = new ArrayList<>();
		this.ruleFiles.forEach((path) -> listing.add(new RuleFile(relative(path), RuleFile.Kind.DRL)));
		this.decisionTables.forEach((path) -> listing.add(new RuleFile(relative(path), RuleFile.Kind.DECISION_TABLE)));
		this.playbookFiles.forEach((path) -> listing.add(new RuleFile(relative(path), RuleFile.Kind.PLAYBOOK)));
		this.scenarioFiles.forEach((path) -> listing.add(new RuleFile(relative(path), RuleFile.Kind.SCENARIO)));
		return listing;
	}

	static boolean isDecisionTable(Path path) {
		String name = name(path);
		return name.endsWith(".drl.csv") || name.endsWith(".drl.xls") || name.endsWith(".drl.xlsx");
	}

	String relative(Path path) {
		return this.dir.relativize(path).toString().replace('\\', '/');
	}

	/**
	 * The first 12 hex digits of the SHA-256 over every file's relative path and content,
	 * in path order.
	 */
	String version() throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path path : Stream.of(this.ruleFiles, this.decisionTables, this.playbookFiles, attentionFile())
				.flatMap(List::stream)
				.sorted()
				.toList()) {
				digest.update(relative(path).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(Files.readAllBytes(path));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code attention.yml} when the directory has one: ranking and budgets are part of
	 * the version, like the rules.
	 */
	List<Path> attentionFile() {
		Path file = this.dir.resolve(AttentionPolicy.FILE);
		return Files.isRegularFile(file) ? List.of(file) : List.of();
	}

	private static String name(Path path) {
		return path.getFileName().toString();
	}

}
