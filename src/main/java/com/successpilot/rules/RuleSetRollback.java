package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Writes a kept version back into the rules directory, byte for byte: its files are
 * written, files of the set that the version does not have are removed, scenario files
 * and anything else in the directory are left alone. What was there before is kept as a
 * version of its own first (valid or not), so a rollback can itself be rolled back. Used
 * by {@code rules rollback} and the rules page.
 */
public final class RuleSetRollback {

	private final RuleSetVersions versions;

	public RuleSetRollback(RuleSetVersions versions) {
		this.versions = versions;
	}

	/**
	 * @throws RuleSetVersions.UnknownVersionException when the version was never kept
	 */
	public Result rollBack(Path rulesDir, String version, String by) throws IOException {
		SortedMap<String, byte[]> target = this.versions.files(version);
		if (target.isEmpty()) {
			throw new RuleSetVersions.UnknownVersionException(version);
		}
		RuleSetSource before = RuleSetSource.read(rulesDir);
		this.versions.keep(before);
		Path root = rulesDir.toAbsolutePath().normalize();
		List<String> written = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (var file : target.entrySet()) {
			boolean same = before.content(file.getKey())
				.map((content) -> Arrays.equals(content, file.getValue()))
				.orElse(false);
			if (!same) {
				Path path = inside(root, file.getKey());
				Files.createDirectories(path.getParent());
				Files.write(path, file.getValue());
				written.add(file.getKey());
			}
		}
		for (String path : before.paths()) {
			if (!target.containsKey(path)) {
				Files.delete(inside(root, path));
				removed.add(path);
			}
		}
		RuleSetSource after = RuleSetSource.read(rulesDir);
		if (!after.version().equals(version)) {
			throw new IllegalStateException("The rules directory " + rulesDir + " holds version " + after.version()
					+ " after writing back " + version + ": another process is changing it");
		}
		String note = "written back to " + rulesDir + " by rollback; overwrote version " + before.version() + " ("
				+ written.size() + " file(s) written, " + removed.size() + " removed)";
		boolean compiles = compiles(after);
		if (compiles) {
			this.versions.wentLive(after, RuleSetVersions.How.ROLLBACK, by, note);
		}
		return new Result(version, before.version(), written, removed, compiles);
	}

	private static boolean compiles(RuleSetSource source) {
		try {
			RuleSet.compile(source);
			return true;
		}
		catch (InvalidRuleSetException ex) {
			return false;
		}
	}

	private static Path inside(Path root, String relative) {
		Path path = root.resolve(relative).normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("'" + relative + "' lies outside the rules directory");
		}
		return path;
	}

	/**
	 * What a rollback did.
	 *
	 * @param overwritten the version the directory held before
	 * @param written the files written (those that differed or were missing)
	 * @param removed the files of the set the version does not have
	 * @param compiles whether the version compiles today (a version kept from an older
	 * release may not)
	 */
	public record Result(String version, String overwritten, List<String> written, List<String> removed,
			boolean compiles) {

	}

}
