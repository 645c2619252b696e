package com.successpilot.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the PostgreSQL or MariaDB server of this machine, holding a
 * small analytics schema for a SQL source to pull from; created for a test class and
 * dropped after it.
 */
final class SourceDatabase implements AutoCloseable {

	static final String POSTGRES_SERVER = System.getenv()
		.getOrDefault("SUCCESSPILOT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

	static final String POSTGRES_USER = System.getenv().getOrDefault("SUCCESSPILOT_TEST_PG_USER", "postgres");

	static final String MARIADB_SERVER = System.getenv()
		.getOrDefault("SUCCESSPILOT_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");

	private final String server;

	private final String user;

	private final String name;

	private final String adminUrl;

	private final String reader;

	private SourceDatabase(String server, String user, String adminUrl, String readerPassword) {
		this.server = server;
		this.user = user;
		this.adminUrl = adminUrl;
		this.name = "sp_src_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		admin("CREATE DATABASE " + this.name);
		if (readerPassword != null) {
			// a user of its own that signs in with a password, as a source's would
			this.reader = this.name + "_r";
			admin("CREATE USER '" + this.reader + "'@'%' IDENTIFIED BY '" + readerPassword + "'");
			admin("GRANT SELECT ON " + this.name + ".* TO '" + this.reader + "'@'%'");
		}
		else {
			this.reader = user;
		}
	}

	/**
	 * On PostgreSQL, whose local connections this machine trusts: any password signs in.
	 */
	static SourceDatabase postgres() {
		return new SourceDatabase(POSTGRES_SERVER, POSTGRES_USER, POSTGRES_SERVER + "postgres", null);
	}

	/**
	 * On MariaDB, read by a user that needs {@code password}.
	 */
	static SourceDatabase mariadb(String password) {
		return new SourceDatabase(MARIADB_SERVER, "root", MARIADB_SERVER, password);
	}

	String name() {
		return this.name;
	}

	String url() {
		return this.server + this.name;
	}

	/**
	 * The user SuccessPilot pulls as.
	 */
	String user() {
		return this.reader;
	}

	/**
	 * Runs statements in the source database, as the upstream system would write to it.
	 */
	void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(url(), this.user, "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a statement on the server, outside the source database.
	 */
	void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the source database server at " + this.adminUrl + " ("
					+ "PostgreSQL on 127.0.0.1:5432 and MariaDB on 127.0.0.1:3306; .ci/run starts them): "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		if (!this.reader.equals(this.user)) {
			admin("DROP USER IF EXISTS '" + this.reader + "'@'%'");
		}
		admin(this.adminUrl.contains("postgresql") ? "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)"
				: "DROP DATABASE IF EXISTS " + this.name);
	}

}
