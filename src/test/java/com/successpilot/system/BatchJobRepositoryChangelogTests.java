package com.successpilot.system;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our changelog creates Spring Batch's job repository exactly as the script in the
 * spring-batch-core jar of the build does (on H2, or MariaDB with -Pmariadb). When a
 * Batch upgrade changes that script, this fails until a changeset brings our schema to
 * the new one (see the top of {@code db/changelog/001-batch-job-repository.xml}).
 */
class BatchJobRepositoryChangelogTests {

	private static final String CHANGELOG = "classpath:db/changelog/db.changelog-master.xml";

	@Test
	void freshDatabaseGetsExactlyTheJobRepositoryOfBatchsOwnScript() throws Exception {
		List<String> batchs = JobRepositorySchema.describe(JobRepositorySchema.builtByBatchScript());
		List<String> ours = JobRepositorySchema.describe(JobRepositorySchema.migratedWith(CHANGELOG));

		assertThat(batchs).as("the job repository of " + JobRepositorySchema.BATCH_SCRIPT)
			.anyMatch((line) -> line.startsWith("column BATCH_JOB_INSTANCE.JOB_KEY "))
			.anyMatch((line) -> line.startsWith("foreign key JOB_EXEC_STEP_FK "))
			.anyMatch((line) -> line.contains("BATCH_JOB_INSTANCE_SEQ"));
		assertThat(ours).containsExactlyElementsOf(batchs);
	}

	@Test
	void freshDatabaseRunsOurChangesetsAndReadsNothingFromTheBatchJar() throws Exception {
		DataSource database = JobRepositorySchema.migratedWith(CHANGELOG);

		List<String> ran = new JdbcTemplate(database).queryForList("""
				SELECT ID, EXECTYPE FROM DATABASECHANGELOG WHERE FILENAME = 'db/changelog/001-batch-job-repository.xml'
				""").stream().map((row) -> row.get("ID") + " " + row.get("EXECTYPE")).toList();

		assertThat(ran).containsExactly("001-batch-6.0-" + (TestDatabase.isMariaDb() ? "mysql" : "h2") + " EXECUTED");
	}

}
