package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.portfolio.PortfolioSummary;
import com.successpilot.run.RunLauncher;

/**
 * What {@code demo --source=postgres} and {@code benchmark --source=postgres} stand on:
 * the generated portfolio copied into PostgreSQL (a database of the test's own) and
 * pulled back by the source steps — every feed's every row, none rejected.
 */
@SuccessPilotTest
class SourceSchemaLoadTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	static final SourceDatabase database = SourceDatabase.postgres();

	@Autowired
	SourceSchemaLoad schemaLoad;

	@Autowired
	FeedImportSteps feedImportSteps;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	RunLauncher launcher;

	@Autowired
	ImportDefinition definition;

	@Autowired
	JdbcTemplate jdbc;

	@AfterAll
	static void dropSourceDatabase() {
		database.close();
	}

	@Test
	void theGeneratedPortfolioPulledFromPostgresImportsEveryRowOfEveryFeed() throws Exception {
		FeedFiles.startingEmpty(this.definition, this.jdbc);
		PortfolioSummary portfolio = DemoPortfolio.generate(this.definition.inbox(), 30, NIGHT, 42);

		SourceSchemaLoad.Loaded loaded = this.schemaLoad.load(this.definition, database.url(), database.user(),
				NIGHT.atStartOfDay().plusMinutes(30));

		assertThat(loaded.rows()).isEqualTo(portfolio.totalRows());
		assertThat(loaded.definition().feeds()).allMatch(FeedDefinition::isSqlSource);
		try (var left = Files.walk(this.definition.inbox())) {
			assertThat(left.filter(Files::isRegularFile)).as("the files are gone from the inbox").isEmpty();
		}
		List<Step> steps = this.feedImportSteps.steps(loaded.definition());
		SimpleJobBuilder job = new JobBuilder("sourceImportJob", this.jobRepository).start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		JobExecution run = this.launcher.run(job.build(), NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> pulls = this.jdbc
			.queryForList("SELECT feed, status, rows_read, rows_imported, rows_rejected FROM import_files ORDER BY id");
		assertThat(pulls).hasSize(portfolio.rowsPerFeed().size());
		for (Map<String, Object> pull : pulls) {
			long generated = portfolio.rows((String) pull.get("feed"));
			assertThat(pull).as(pull.get("feed").toString())
				.containsEntry("status", (generated > 0) ? "IMPORTED" : "EMPTY")
				.containsEntry("rows_read", generated)
				.containsEntry("rows_imported", generated)
				.containsEntry("rows_rejected", 0L);
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM daily_usage", Long.class))
			.isEqualTo(portfolio.rows("usage"));
	}

}
