package com.successpilot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The database a test context runs against: a private in-memory H2 in MySQL mode by
 * default, or — with {@code -Pmariadb} ({@code successpilot.test.database=mariadb}) — a
 * fresh database on the local MySQL-compatible server, dropped when the JVM exits, so
 * runs and contexts never see each other's data.
 */
public final class TestDatabase {

	private static final String SERVER = System.getProperty("successpilot.test.mariadb.url",
			System.getenv().getOrDefault("SUCCESSPILOT_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/"));

	private static final String USER = System.getenv().getOrDefault("SUCCESSPILOT_TEST_DB_USER", "root");

	private static final String PASSWORD = System.getenv().getOrDefault("SUCCESSPILOT_TEST_DB_PASSWORD", "");

	private static final List<String> created = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
	}

	private TestDatabase() {
	}

	public static boolean isMariaDb() {
		return "mariadb".equals(System.getProperty("successpilot.test.database", "h2"));
	}

	/**
	 * Creates a new, empty database and returns its JDBC URL.
	 */
	public static String newDatabaseUrl() {
		String name = "sp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		if (!isMariaDb()) {
			return "jdbc:h2:mem:" + name + ";MODE=MySQL;" + "DB_CLOSE_DELAY=-1";
		}
		execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		created.add(name);
		// allowLoadLocalInfile: the benchmark's bulk load (BulkLoadTests)
		return SERVER + name + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
				+ "&rewriteBatchedStatements=true&allowLoadLocalInfile=true";
	}

	public static String user() {
		return isMariaDb() ? USER : "sa";
	}

	public static String password() {
		return isMariaDb() ? PASSWORD : "";
	}

	private static void dropAll() {
		for (String name : created) {
			try {
				execute("DROP DATABASE IF EXISTS " + name);
			}
			catch (RuntimeException ex) {
				System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
			}
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the test database server at " + SERVER
					+ " (start MariaDB, or set SUCCESSPILOT_TEST_DB_URL): " + ex.getMessage(), ex);
		}
	}

}
