package com.successpilot.ingest;

import org.junit.jupiter.api.AfterAll;

import com.successpilot.SuccessPilotTest;

/**
 * The SQL source scenarios against the PostgreSQL server of this machine
 * (127.0.0.1:5432), in a database of their own.
 */
@SuccessPilotTest
class PostgresSourceImportTests extends SqlSourceImportTests {

	static final SourceDatabase database = SourceDatabase.postgres();

	@Override
	SourceDatabase source() {
		return database;
	}

	@Override
	String dateTimeType() {
		return "TIMESTAMP(6)";
	}

	@AfterAll
	static void dropSourceDatabase() {
		database.close();
	}

}
