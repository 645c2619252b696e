package com.successpilot.playbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.successpilot.playbook.internal.PlaybookFiles;

/**
 * The playbooks of one rule set, read from {@code rules/playbooks/*.yml}, with the
 * problems found in files that could not be read. Immutable.
 */
public final class PlaybookLibrary {

	private final Map<String, Playbook> playbooks;

	private final List<PlaybookProblem> problems;

	private PlaybookLibrary(Map<String, Playbook> playbooks, List<PlaybookProblem> problems) {
		this.playbooks = Map.copyOf(playbooks);
		this.problems = List.copyOf(problems);
	}

	/**
	 * Reads every {@code *.yml} file in {@code <rulesDir>/playbooks}.
	 */
	public static PlaybookLibrary load(Path rulesDir) throws IOException {
		PlaybookFiles files = PlaybookFiles.read(rulesDir, rulesDir.resolve("playbooks"));
		return new PlaybookLibrary(files.playbooks(), files.problems());
	}

	public Optional<Playbook> find(String name) {
		return Optional.ofNullable(this.playbooks.get(name));
	}

	public boolean contains(String name) {
		return this.playbooks.containsKey(name);
	}

	public Collection<Playbook> all() {
		return new TreeMap<>(this.playbooks).values();
	}

	public int size() {
		return this.playbooks.size();
	}

	public List<PlaybookProblem> problems() {
		return this.problems;
	}

}
