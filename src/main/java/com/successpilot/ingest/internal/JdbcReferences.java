package com.successpilot.ingest.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resolves natural keys from the database, loading each kind once per step on first use
 * (earlier feed steps of the same run may have added rows).
 */
final class JdbcReferences implements References, ItemStream {

	private final JdbcTemplate jdbc;

	private Map<String, Long> accounts;

	private Map<String, Long> csms;

	private Map<String, Long> goals;

	JdbcReferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.accounts = null;
		this.csms = null;
		this.goals = null;
	}

	@Override
	public Long account(String externalId) {
		if (this.accounts == null) {
			this.accounts = load("SELECT external_id, id FROM accounts");
		}
		return this.accounts.get(externalId);
	}

	@Override
	public Long csm(String email) {
		if (this.csms == null) {
			this.csms = load("SELECT LOWER(email), id FROM csms");
		}
		return this.csms.get(email);
	}

	@Override
	public Long goal(String externalId) {
		if (this.goals == null) {
			this.goals = load("SELECT external_id, id FROM success_goals");
		}
		return this.goals.get(externalId);
	}

	private Map<String, Long> load(String sql) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query(sql, (rs) -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

}
