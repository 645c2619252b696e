package com.successpilot.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Every rule set version that went live, kept in the database: its files by version (the
 * hash of their bytes, so a version is stored once however often it goes live) in
 * {@code rule_set_files}, and each time it went live — who, when, how, after which
 * version — in {@code rule_set_activations}. This is what answers "which rules made this
 * task" a week later, what {@code rules rollback} writes back, and the last good version
 * a night runs on when the files in {@code rules/} are broken.
 */
@Component
public class RuleSetVersions {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	RuleSetVersions(NamedParameterJdbcTemplate jdbc, TransactionOperations transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Keeps the files of the set, unless its version is kept already; all of them or
	 * none.
	 */
	public void keep(RuleSetSource source) {
		if (isKept(source.version())) {
			return;
		}
		SqlParameterSource[] rows = source.paths()
			.stream()
			.map((path) -> new MapSqlParameterSource("version", source.version()).addValue("path", path)
				.addValue("content", source.content(path).orElseThrow()))
			.toArray(SqlParameterSource[]::new);
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate("""
					INSERT INTO rule_set_files (rules_version, path, content) VALUES (:version, :path, :content)
					""", rows));
		}
		catch (DataIntegrityViolationException ex) {
			// another process kept the same version at the same moment
			if (!isKept(source.version())) {
				throw ex;
			}
		}
	}

	/**
	 * The kept files of a version, or empty when they were never kept.
	 * @param rulesDir where they came from, for reports
	 */
	public Optional<RuleSetSource> find(String version, Path rulesDir) {
		Map<String, byte[]> files = files(version);
		return files.isEmpty() ? Optional.empty() : Optional.of(RuleSetSource.of(rulesDir, files));
	}

	/**
	 * Records that {@code source} is the set in force, keeping its files: nothing is
	 * recorded when it is the version that went live last already (every process that
	 * loads the same files is not a new activation).
	 * @param by who made it live: a user name, or the operating system user of a command
	 * @param note why, e.g. what a rollback overwrote; may be null
	 * @return true when an activation was recorded
	 */
	public boolean wentLive(RuleSetSource source, How how, String by, String note) {
		keep(source);
		Optional<Activation> latest = latest();
		if (latest.isPresent() && latest.get().version().equals(source.version())) {
			return false;
		}
		this.jdbc.update(
				"""
						INSERT INTO rule_set_activations (rules_version, went_live_at, went_live_by, how, previous_version, note)
						VALUES (:version, :at, :by, :how, :previous, :note)
						""",
				new MapSqlParameterSource("version", source.version()).addValue("at", LocalDateTime.now(this.clock))
					.addValue("by", fit(by, 100))
					.addValue("how", how.name())
					.addValue("previous", latest.map(Activation::version).orElse(null))
					.addValue("note", (note != null) ? fit(note, 1000) : null));
		return true;
	}

	/**
	 * The version that went live last, if any did since versions are recorded.
	 */
	public Optional<Activation> latest() {
		return this.jdbc
			.query("SELECT * FROM rule_set_activations ORDER BY id DESC LIMIT 1", Map.of(), RuleSetVersions::activation)
			.stream()
			.findFirst();
	}

	/**
	 * Every kept version, the one that went live last first, each with the times it went
	 * live (none for a version kept only because a run was judged with it before
	 * activations were recorded).
	 */
	public List<Version> list() {
		Map<String, List<Activation>> activations = new LinkedHashMap<>();
		this.jdbc.query("SELECT * FROM rule_set_activations ORDER BY id DESC", Map.of(), (rs) -> {
			Activation activation = activation(rs, 0);
			activations.computeIfAbsent(activation.version(), (version) -> new ArrayList<>()).add(activation);
		});
		Map<String, long[]> sizes = new TreeMap<>();
		this.jdbc.query("""
				SELECT rules_version, COUNT(*) AS files, SUM(LENGTH(content)) AS bytes
				FROM rule_set_files GROUP BY rules_version
				""", Map.of(), (rs) -> {
			sizes.put(rs.getString("rules_version"), new long[] { rs.getLong("files"), rs.getLong("bytes") });
		});
		List<Version> versions = new ArrayList<>();
		activations.forEach((version, times) -> {
			long[] size = sizes.getOrDefault(version, new long[2]);
			versions.add(new Version(version, (int) size[0], size[1], List.copyOf(times)));
		});
		sizes.forEach((version, size) -> {
			if (!activations.containsKey(version)) {
				versions.add(new Version(version, (int) size[0], size[1], List.of()));
			}
		});
		return versions;
	}

	/**
	 * A version's files by path, in path order; empty when it was never kept.
	 */
	public SortedMap<String, byte[]> files(String version) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		this.jdbc.query("SELECT path, content FROM rule_set_files WHERE rules_version = :version",
				new MapSqlParameterSource("version", version), (rs) -> {
					files.put(rs.getString("path"), rs.getBytes("content"));
				});
		return files;
	}

	/**
	 * What changed from one version to another, file by file (unchanged files left out),
	 * each as a unified diff with three lines of context.
	 * @throws UnknownVersionException when either version was never kept
	 */
	public List<FileChange> diff(String from, String to) {
		SortedMap<String, byte[]> before = keptFiles(from);
		SortedMap<String, byte[]> after = keptFiles(to);
		TreeSet<String> paths = new TreeSet<>(before.keySet());
		paths.addAll(after.keySet());
		List<FileChange> changes = new ArrayList<>();
		for (String path : paths) {
			byte[] old = before.get(path);
			byte[] now = after.get(path);
			if (old != null && now != null && java.util.Arrays.equals(old, now)) {
				continue;
			}
			FileChange.Kind kind = (old == null) ? FileChange.Kind.ADDED
					: (now == null) ? FileChange.Kind.REMOVED : FileChange.Kind.CHANGED;
			changes.add(new FileChange(path, kind, unifiedDiff(path, old, now)));
		}
		return changes;
	}

	private SortedMap<String, byte[]> keptFiles(String version) {
		SortedMap<String, byte[]> files = files(version);
		if (files.isEmpty()) {
			throw new UnknownVersionException(version);
		}
		return files;
	}

	private static List<String> unifiedDiff(String path, byte[] before, byte[] after) {
		List<String> old = lines(before);
		List<String> now = lines(after);
		return UnifiedDiffUtils.generateUnifiedDiff((before != null) ? "a/" + path : "/dev/null",
				(after != null) ? "b/" + path : "/dev/null", old, DiffUtils.diff(old, now), 3);
	}

	private static List<String> lines(byte[] content) {
		return (content != null) ? new String(content, StandardCharsets.UTF_8).lines().toList() : List.of();
	}

	private boolean isKept(String version) {
		Integer files = this.jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_files WHERE rules_version = :version",
				new MapSqlParameterSource("version", version), Integer.class);
		return files != null && files > 0;
	}

	private static Activation activation(ResultSet rs, int row) throws SQLException {
		Timestamp at = rs.getTimestamp("went_live_at");
		return new Activation(rs.getLong("id"), rs.getString("rules_version"), at.toLocalDateTime(),
				rs.getString("went_live_by"), How.valueOf(rs.getString("how")), rs.getString("previous_version"),
				rs.getString("note"));
	}

	private static String fit(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	/**
	 * How a version went live.
	 */
	public enum How {

		/** first read by a process (a command or the server starting) */
		LOAD,

		/** reloaded on request (API or page) */
		RELOAD,

		/** read again when a run started */
		RUN,

		/** written back by {@code rules rollback}, then read */
		ROLLBACK

	}

	/**
	 * One time a version went live.
	 *
	 * @param at in the server's clock zone
	 * @param previousVersion the version in force before, or null for the first
	 */
	public record Activation(long id, String version, LocalDateTime at, String by, How how, String previousVersion,
			String note) {

	}

	/**
	 * A kept version.
	 *
	 * @param activations the times it went live, latest first; empty for a version kept
	 * before activations were recorded
	 */
	public record Version(String version, int files, long bytes, List<Activation> activations) {

	}

	/**
	 * One file that differs between two versions.
	 *
	 * @param unifiedDiff the lines of a unified diff ({@code ---}, {@code +++}, hunks)
	 */
	public record FileChange(String path, Kind kind, List<String> unifiedDiff) {

		public enum Kind {

			ADDED, REMOVED, CHANGED

		}

	}

	/**
	 * A version that was never kept.
	 */
	public static final class UnknownVersionException extends IllegalArgumentException {

		public UnknownVersionException(String version) {
			super("No rule set version '" + version + "' is kept (GET /api/rules/versions or 'rules versions' lists "
					+ "them)");
		}

	}

}
