package com.successpilot.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.successpilot.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database made before usernames ignored case (H2 let "DEMO-ADMIN" exist next to
 * "demo-admin") upgrades with changelog 014: the oldest user of a name keeps it, a later
 * case twin is disabled and keyed "name#id" so no one signs in as it by name, and from
 * then on the database itself refuses a new twin.
 */
class UsernameCaseUpgradeTests {

	@Test
	void caseTwinsMadeBeforeTheUpgradeAreKeptApartAndTheLaterOneDisabled() throws Exception {
		String url = TestDatabase.newDatabaseUrl();
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			update(connection, "db/changelog-before-014.xml");
			insertUser(jdbc, "demo-admin");
			insertUser(jdbc, "ops-user");
			boolean twinsPossible = !TestDatabase.isMariaDb();
			if (twinsPossible) {
				insertUser(jdbc, "DEMO-ADMIN");
				insertUser(jdbc, "Demo-Admin");
			}

			update(connection, "db/changelog/db.changelog-master.xml");

			List<Map<String, Object>> users = jdbc
				.queryForList("SELECT id, username, username_key, enabled, session_version FROM users ORDER BY id");
			assertThat(users).hasSize(twinsPossible ? 4 : 2);
			assertThat(users.get(0)).containsEntry("username", "demo-admin")
				.containsEntry("username_key", "demo-admin")
				.containsEntry("enabled", true);
			assertThat(users.get(1)).containsEntry("username_key", "ops-user").containsEntry("enabled", true);
			if (twinsPossible) {
				for (Map<String, Object> twin : users.subList(2, 4)) {
					assertThat(twin).containsEntry("username_key", "demo-admin#" + twin.get("id"))
						.containsEntry("enabled", false);
				}
			}
			assertThat(users)
				.allSatisfy((user) -> assertThat(((Number) user.get("session_version")).intValue()).isZero());
			assertThatThrownBy(() -> jdbc.update(
					"INSERT INTO users (username, username_key, display_name, password_hash, role, enabled, created_at, "
							+ "created_by, updated_at) VALUES ('OPS-USER', 'ops-user', 'x', 'x', 'OPS', TRUE, ?, 'test', ?)",
					Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, 9, 0)),
					Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, 9, 0))))
				.isInstanceOf(DataIntegrityViolationException.class);
		}
	}

	private static void insertUser(JdbcTemplate jdbc, String username) {
		Timestamp then = Timestamp.valueOf(LocalDateTime.of(2026, 11, 1, 9, 0));
		jdbc.update(
				"INSERT INTO users (username, display_name, password_hash, role, enabled, created_at, created_by, "
						+ "updated_at) VALUES (?, ?, '{noop}x', 'ADMIN', TRUE, ?, 'test', ?)",
				username, username, then, then);
	}

	@SuppressWarnings("deprecation")
	private static void update(Connection connection, String changelog) throws Exception {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update(new Contexts());
	}

}
