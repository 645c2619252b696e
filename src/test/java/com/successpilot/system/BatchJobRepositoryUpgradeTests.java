package com.successpilot.system;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.support.TestPropertySourceUtils;

import com.successpilot.SuccessPilotApplication;
import com.successpilot.TestDatabase;
import com.successpilot.TestWorkspace;
import com.successpilot.run.RunLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose job repository was made by the changelog before issue 12 (Spring
 * Batch's scripts run straight from the jar) starts with today's changelog: Liquibase
 * passes over the old changesets' rows, marks ours ran without touching the tables, and
 * the runs made before stay, so run numbering and restarts go on from them.
 */
class BatchJobRepositoryUpgradeTests {

	private static final String OLD_CHANGELOG = "classpath:db/changelog-batch-from-jar/db.changelog-master.xml";

	private static final String CHANGELOG = "classpath:db/changelog/db.changelog-master.xml";

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String DBMS = TestDatabase.isMariaDb() ? "mysql" : "h2";

	@Test
	void databaseMadeByTheJarScriptsStartsWithOurChangelogAndKeepsItsRuns() throws Exception {
		String url = TestDatabase.newDatabaseUrl();
		JobExecution before;
		try (ConfigurableApplicationContext old = start(url, OLD_CHANGELOG)) {
			before = old.getBean(RunLauncher.class).run("importJob", NIGHT, true);
			assertThat(before.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}

		try (ConfigurableApplicationContext upgraded = start(url, CHANGELOG)) {
			RunLauncher launcher = upgraded.getBean(RunLauncher.class);
			JobExecution earlier = launcher.execution(before.getId()).orElseThrow();
			assertThat(earlier.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(earlier.getJobParameters()).isEqualTo(before.getJobParameters());
			assertThat(earlier.getStepExecutions()).extracting((step) -> step.getStepName())
				.containsExactlyInAnyOrderElementsOf(
						before.getStepExecutions().stream().map((step) -> step.getStepName()).toList())
				.isNotEmpty();

			JobExecution next = launcher.run("importJob", NIGHT, true);

			assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(next.getJobParameters().getLong(RunLauncher.RUN_NUMBER)).as("the night's second run")
				.isEqualTo(2L);
			assertThat(next.getJobInstance().getInstanceId()).isGreaterThan(before.getJobInstance().getInstanceId());
			assertThat(next.getId()).isGreaterThan(before.getId());
			assertThat(changesetsOfTheJobRepository(upgraded.getBean(DataSource.class))).containsExactly(
					"001-batch-job-repository-" + DBMS + " EXECUTED", "001-batch-6.0-" + DBMS + " MARK_RAN");
		}
	}

	@Test
	void upgradedDatabaseHasTheSameJobRepositoryAsAFreshOne() throws Exception {
		DataSource upgraded = JobRepositorySchema.migratedWith(OLD_CHANGELOG);
		JobRepositorySchema.migrate(upgraded, CHANGELOG);

		List<String> fresh = JobRepositorySchema.describe(JobRepositorySchema.migratedWith(CHANGELOG));

		assertThat(fresh).isNotEmpty();
		assertThat(JobRepositorySchema.describe(upgraded)).containsExactlyElementsOf(fresh);
	}

	private static List<String> changesetsOfTheJobRepository(DataSource database) {
		return new JdbcTemplate(database).queryForList("""
				SELECT ID, EXECTYPE FROM DATABASECHANGELOG WHERE FILENAME = 'db/changelog/001-batch-job-repository.xml'
				ORDER BY ORDEREXECUTED
				""").stream().map((row) -> row.get("ID") + " " + row.get("EXECTYPE")).toList();
	}

	private static ConfigurableApplicationContext start(String url, String changelog) {
		return new SpringApplicationBuilder(SuccessPilotApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> {
				new TestWorkspace().initialize(context);
				// the same database for both starts, and the changelog of the moment
				TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.datasource.url=" + url,
						"spring.liquibase.change-log=" + changelog);
			})
			.run();
	}

}
