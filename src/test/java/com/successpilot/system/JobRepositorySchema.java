package com.successpilot.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.successpilot.TestDatabase;

/**
 * Spring Batch's job repository as a database has it, in lines that can be compared:
 * every {@code BATCH_*} table with its columns, keys, indexes and rows, and on H2 the
 * sequences; on MySQL/MariaDB also each table's {@code SHOW CREATE TABLE} (engine and
 * character set included).
 */
final class JobRepositorySchema {

	/**
	 * The script Spring Batch ships for the test database (Batch's pick for Connector/J
	 * is MySQL's).
	 */
	static final String BATCH_SCRIPT = "org/springframework/batch/core/schema-"
			+ (TestDatabase.isMariaDb() ? "mysql" : "h2") + ".sql";

	// Liquibase logs every changeset through java.util.logging outside Spring Boot; held
	// here because the logging keeps its loggers only weakly
	private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

	static {
		LIQUIBASE_LOG.setLevel(Level.WARNING);
	}

	private JobRepositorySchema() {
	}

	/**
	 * A new, empty database of the test database's kind.
	 */
	static DataSource newDatabase() {
		return new DriverManagerDataSource(TestDatabase.newDatabaseUrl(), TestDatabase.user(), TestDatabase.password());
	}

	/**
	 * A new database migrated by Liquibase with the given changelog, as the application
	 * does at start-up.
	 */
	static DataSource migratedWith(String changelog) throws Exception {
		return migrate(newDatabase(), changelog);
	}

	/**
	 * Runs Liquibase with the given changelog on a database.
	 */
	static DataSource migrate(DataSource database, String changelog) throws Exception {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(database);
		liquibase.setChangeLog(changelog);
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.afterPropertiesSet();
		return database;
	}

	/**
	 * A new database made by the script in the spring-batch-core jar.
	 */
	static DataSource builtByBatchScript() {
		DataSource database = newDatabase();
		new ResourceDatabasePopulator(new ClassPathResource(BATCH_SCRIPT)).execute(database);
		return database;
	}

	static List<String> describe(DataSource database) throws SQLException {
		try (Connection connection = database.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			boolean h2 = metaData.getDatabaseProductName().equals("H2");
			List<String> lines = new ArrayList<>();
			for (String table : tables(connection)) {
				columns(connection, table, lines);
				primaryKey(connection, table, h2, lines);
				indexes(connection, table, h2, lines);
				foreignKeys(connection, table, lines);
				rows(connection, table, lines);
				if (!h2) {
					lines.add(query(connection, "SHOW CREATE TABLE " + table).get(0).get("Create Table"));
				}
			}
			if (h2) {
				for (Map<String, String> sequence : query(connection,
						"SELECT * FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME LIKE 'BATCH%' ORDER BY SEQUENCE_NAME")) {
					// the catalog is the database's own (random) name
					sequence.remove("SEQUENCE_CATALOG");
					lines.add("sequence " + sequence);
				}
			}
			return lines;
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = connection.getMetaData()
			.getTables(connection.getCatalog(), connection.getSchema(), "BATCH%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		tables.sort(null);
		return tables;
	}

	private static void columns(Connection connection, String table, List<String> lines) throws SQLException {
		try (ResultSet rs = connection.getMetaData()
			.getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
			while (rs.next()) {
				lines.add("column " + table + "." + rs.getString("COLUMN_NAME") + " #" + rs.getInt("ORDINAL_POSITION")
						+ " " + rs.getString("TYPE_NAME") + "(" + rs.getString("COLUMN_SIZE") + ","
						+ rs.getString("DECIMAL_DIGITS") + ") nullable=" + rs.getString("IS_NULLABLE") + " default="
						+ rs.getString("COLUMN_DEF") + " autoincrement=" + rs.getString("IS_AUTOINCREMENT"));
			}
		}
	}

	private static void primaryKey(Connection connection, String table, boolean h2, List<String> lines)
			throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		String name = null;
		try (ResultSet rs = connection.getMetaData()
			.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
			while (rs.next()) {
				columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
				name = rs.getString("PK_NAME");
			}
		}
		// H2 names an unnamed primary key by a counter over the whole database
		lines.add("primary key " + table + " " + (h2 ? "" : name + " ") + columns.values());
	}

	private static void indexes(Connection connection, String table, boolean h2, List<String> lines)
			throws SQLException {
		Map<String, String> byName = new TreeMap<>();
		try (ResultSet rs = connection.getMetaData()
			.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, false)) {
			while (rs.next()) {
				String name = rs.getString("INDEX_NAME");
				if (h2) {
					// H2 numbers the indexes it makes for keys: PRIMARY_KEY_4,
					// JOB_INST_EXEC_FK_INDEX_B
					name = name.replaceAll("^PRIMARY_KEY_[0-9A-F]+$", "PRIMARY_KEY")
						.replaceAll("_INDEX_[0-9A-F]+$", "_INDEX");
				}
				String key = "index " + table + " " + name + " unique=" + !rs.getBoolean("NON_UNIQUE");
				byName.merge(key, rs.getString("COLUMN_NAME"), (first, next) -> first + "," + next);
			}
		}
		byName.forEach((key, columns) -> lines.add(key + " (" + columns + ")"));
	}

	private static void foreignKeys(Connection connection, String table, List<String> lines) throws SQLException {
		try (ResultSet rs = connection.getMetaData()
			.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
			while (rs.next()) {
				lines.add("foreign key " + rs.getString("FK_NAME") + " " + table + "." + rs.getString("FKCOLUMN_NAME")
						+ " -> " + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME") + " update="
						+ rs.getShort("UPDATE_RULE") + " delete=" + rs.getShort("DELETE_RULE"));
			}
		}
	}

	private static void rows(Connection connection, String table, List<String> lines) throws SQLException {
		query(connection, "SELECT * FROM " + table).forEach((row) -> lines.add("row " + table + " " + row));
	}

	private static List<Map<String, String>> query(Connection connection, String sql) throws SQLException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData columns = rs.getMetaData();
			while (rs.next()) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					row.put(columns.getColumnLabel(i), rs.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
