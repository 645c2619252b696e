package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import com.successpilot.SuccessPilotTest;

/**
 * The SQL source scenarios against the MariaDB server of this machine (127.0.0.1:3306,
 * through Connector/J), in a database of their own.
 */
@SuccessPilotTest
class MariaDbSourceImportTests extends SqlSourceImportTests {

	static final SourceDatabase database = SourceDatabase.mariadb(PASSWORD);

	@Override
	SourceDatabase source() {
		return database;
	}

	@Override
	String dateTimeType() {
		return "DATETIME(6)";
	}

	@Test
	void aWrongPasswordFailsTheStepNamingTheSourceAndNeverThePassword() throws Exception {
		Files.writeString(this.work.resolve("analytics.password"), "not-the-Pa55word\n");

		JobExecution run = run(NIGHT, this.standardQuery, "stop");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failureOf(run, "usageImportStep"))
			.contains("data source 'analytics': cannot connect to jdbc:mysql://127.0.0.1:3306/" + database.name())
			.contains("Access denied")
			.doesNotContain("not-the-Pa55word")
			.doesNotContain(PASSWORD);
		assertThat(count("source_watermarks")).isZero();
	}

	@AfterAll
	static void dropSourceDatabase() {
		database.close();
	}

}
