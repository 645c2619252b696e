package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.successpilot.rules.internal.RuleSetFiles;

/**
 * What a rule set is compiled from, read from its directory in one pass: the bytes of
 * every rule file, decision table, playbook and {@code attention.yml}, by path relative
 * to the directory, and the set's version, the hash of exactly these bytes. Compiling
 * reads nothing else, so a version always names what was compiled: an edit made after the
 * read belongs to the next read. Immutable.
 */
public final class RuleSetSource {

	private final Path rulesDir;

	private final SortedMap<String, byte[]> files;

	private final List<String> scenarioFiles;

	private final String version;

	private RuleSetSource(Path rulesDir, Map<String, byte[]> files, List<String> scenarioFiles) {
		SortedMap<String, byte[]> copy = new TreeMap<>();
		files.forEach((path, content) -> {
			if (!RuleSetFiles.isPartOfTheSet(path)) {
				throw new IllegalArgumentException("'" + path + "' is not a file a rule set is made of");
			}
			copy.put(path, content.clone());
		});
		this.rulesDir = rulesDir;
		this.files = Collections.unmodifiableSortedMap(copy);
		this.scenarioFiles = List.copyOf(scenarioFiles);
		this.version = RuleSetFiles.version(this.files);
	}

	/**
	 * Reads the directory: each file of the set once, and the names of the scenario files
	 * beside them (not part of the set).
	 */
	public static RuleSetSource read(Path rulesDir) throws IOException {
		RuleSetFiles.Read read = RuleSetFiles.read(rulesDir.toAbsolutePath().normalize());
		return new RuleSetSource(rulesDir, read.files(), read.scenarioFiles());
	}

	/**
	 * A set from content kept elsewhere, e.g. the files of a version that judged a run.
	 * @param rulesDir where the files came from, for reports
	 * @param files content by path relative to the rules directory, with {@code /}
	 * @throws IllegalArgumentException for a path that is no part of a rule set
	 */
	public static RuleSetSource of(Path rulesDir, Map<String, byte[]> files) {
		return new RuleSetSource(rulesDir, files, List.of());
	}

	public Path rulesDir() {
		return this.rulesDir;
	}

	/**
	 * The first 12 hex digits of the SHA-256 over every file's path and content, in path
	 * order.
	 */
	public String version() {
		return this.version;
	}

	/**
	 * The paths of the files, relative to the rules directory with {@code /}, in order.
	 */
	public SortedSet<String> paths() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.files.keySet()));
	}

	/**
	 * The bytes of one file, or empty when the set has no such file.
	 */
	public Optional<byte[]> content(String path) {
		return Optional.ofNullable(this.files.get(path)).map(byte[]::clone);
	}

	/**
	 * The {@code *.scenarios.yml} files found beside the set when it was read; none for a
	 * set made from kept content.
	 */
	public List<String> scenarioFiles() {
		return this.scenarioFiles;
	}

}
