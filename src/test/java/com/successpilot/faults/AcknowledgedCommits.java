package com.successpilot.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A process that commits one row at a time into a database and prints {@code committed N}
 * after each commit has returned — what an application believes is safe — until it is
 * killed. Run by {@link EmbeddedDatabaseKillTests} as a child JVM.
 */
final class AcknowledgedCommits {

	private AcknowledgedCommits() {
	}

	public static void main(String[] arguments) throws Exception {
		try (Connection connection = DriverManager.getConnection(arguments[0], "sa", "")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE acknowledged (n INT PRIMARY KEY)");
			}
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acknowledged VALUES (?)")) {
				for (int n = 1;; n++) {
					insert.setInt(1, n);
					insert.executeUpdate();
					connection.commit();
					System.out.println("committed " + n);
				}
			}
		}
	}

}
