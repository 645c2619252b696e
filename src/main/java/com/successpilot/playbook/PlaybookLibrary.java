package com.successpilot.playbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
		return parse(PlaybookFiles.contents(rulesDir));
	}

	/**
	 * The playbooks of files already read: the bytes of each by its path relative to the
	 * rules directory ({@code playbooks/<name>.yml}).
	 */
	public static PlaybookLibrary parse(Map<String, byte[]> contents) {
		PlaybookFiles files = PlaybookFiles.parse(new TreeMap<>(contents));
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

	/**
	 * Texts for people that lack one of the languages in use, one warning per text and
	 * language, e.g. {@code playbooks/renewal-plan.yml: 'why' has no ja text}. Not an
	 * error: the CSM then reads the other language, which is worse but not wrong.
	 */
	public List<PlaybookProblem> untranslated(Collection<String> languages) {
		List<PlaybookProblem> warnings = new ArrayList<>();
		for (Playbook playbook : all()) {
			check(warnings, playbook, "description", playbook.description(), languages);
			check(warnings, playbook, "why", playbook.why(), languages);
			for (int i = 0; i < playbook.tasks().size(); i++) {
				TaskTemplate task = playbook.tasks().get(i);
				check(warnings, playbook, "tasks[" + (i + 1) + "].title", task.title(), languages);
				check(warnings, playbook, "tasks[" + (i + 1) + "].description", task.description(), languages);
			}
			for (int i = 0; i < playbook.steps().size(); i++) {
				check(warnings, playbook, "steps[" + (i + 1) + "].text", playbook.steps().get(i).text(), languages);
			}
		}
		return warnings;
	}

	private static void check(List<PlaybookProblem> warnings, Playbook playbook, String field, LocalizedText text,
			Collection<String> languages) {
		if (text.isEmpty()) {
			return;
		}
		for (String language : text.missing(languages)) {
			warnings.add(new PlaybookProblem(playbook.file(), 0, "'" + field + "' has no " + language + " text"));
		}
	}

}
