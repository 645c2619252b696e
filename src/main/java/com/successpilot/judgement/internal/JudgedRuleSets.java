package com.successpilot.judgement.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionOperations;

import com.successpilot.rules.RuleSetSource;

/**
 * The files of every rule set version that started judging a run
 * ({@code judged_rule_set_files}), kept as they were compiled so that a restarted step
 * can compile the same version again when the rules directory has moved on.
 */
final class JudgedRuleSets {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionOperations transactions;

	JudgedRuleSets(NamedParameterJdbcTemplate jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Keeps the files of the set, unless its version is kept already; all of them or
	 * none.
	 */
	void keep(RuleSetSource source) {
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
					INSERT INTO judged_rule_set_files (rules_version, path, content) VALUES (:version, :path, :content)
					""", rows));
		}
		catch (DataIntegrityViolationException ex) {
			// another job kept the same version at the same moment
			if (!isKept(source.version())) {
				throw ex;
			}
		}
	}

	/**
	 * The kept files of a version, or empty when they were never kept.
	 * @param rulesDir where they came from, for reports
	 */
	Optional<RuleSetSource> find(String version, Path rulesDir) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		this.jdbc.query("SELECT path, content FROM judged_rule_set_files WHERE rules_version = :version",
				new MapSqlParameterSource("version", version), (rs) -> {
					files.put(rs.getString("path"), rs.getBytes("content"));
				});
		return files.isEmpty() ? Optional.empty() : Optional.of(RuleSetSource.of(rulesDir, files));
	}

	private boolean isKept(String version) {
		Integer files = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM judged_rule_set_files WHERE rules_version = :version",
				new MapSqlParameterSource("version", version), Integer.class);
		return files != null && files > 0;
	}

}
