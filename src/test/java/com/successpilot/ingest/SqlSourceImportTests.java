package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.ingest.internal.ImportDefinitionLoader;
import com.successpilot.ingest.internal.SourceWatermarks;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.system.CommandArguments;
import com.successpilot.run.RunLauncher;

/**
 * Feeds pulled from a real database server on this machine (PostgreSQL, MariaDB: the
 * subclasses), through the real import steps into the real application database: a full
 * pull, the next night's incremental pull with a late row, a re-run of the same night,
 * bad rows, too many bad rows, an unreachable source, a failing query.
 */
abstract class SqlSourceImportTests {

	static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	static final String PASSWORD = "s3cret-Pa55word";

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	FeedImportSteps feedImportSteps;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	SourceWatermarks watermarks;

	@Autowired
	LiveRuleSet rules;

	@Autowired
	Clock clock;

	FeedFiles feeds;

	Path work;

	/** The source database of the concrete test class. */
	abstract SourceDatabase source();

	/** The source database's type for a date-time with microseconds. */
	abstract String dateTimeType();

	@BeforeEach
	void emptyPortfolioAndAnalyticsSchema() throws IOException {
		this.feeds = FeedFiles.startingEmpty(this.definition, this.jdbc);
		this.feeds.dropStarterPortfolio();
		this.work = Files.createDirectories(this.definition.inbox().resolveSibling("sources-work"));
		Files.writeString(this.work.resolve("analytics.password"), PASSWORD + "\n");
		source().execute("DROP TABLE IF EXISTS usage_daily",
				"CREATE TABLE usage_daily (account_id VARCHAR(40) NOT NULL, usage_date DATE NOT NULL, "
						+ "active_users INTEGER, logins INTEGER, key_events INTEGER, reports_created NUMERIC(10,2), "
						+ "updated_at " + dateTimeType() + " NOT NULL, PRIMARY KEY (account_id, usage_date))");
	}

	@Test
	void fullPullImportsEveryRowThroughTheFeedChecksAndKeepsTheLargestWatermark() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		usage("ACC-1", "2026-11-22", 175, 400, null, "2026-11-23 01:00:00.000123");
		usage("ACC-2", "2026-11-22", 12, 15, "2.00", "2026-11-22 23:59:59");

		JobExecution run = run(NIGHT, this.standardQuery, "stop");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT active_users FROM daily_usage ORDER BY usage_date, account_id",
				Integer.class))
			.containsExactly(180, 175, 12);
		assertThat(count("usage_metrics")).isEqualTo(2);
		assertThat(this.jdbc.queryForMap(
				"SELECT file_name, status, rows_read, rows_imported, rows_rejected FROM import_files WHERE feed = 'usage'"))
			.containsEntry("file_name", "analytics-2026-11-23")
			.containsEntry("status", "IMPORTED")
			.containsEntry("rows_read", 3L)
			.containsEntry("rows_imported", 3L);
		assertThat(watermark()).isEqualTo(LocalDateTime.of(2026, 11, 23, 1, 0, 0, 123_000));
		assertThat(run(NIGHT.plusDays(1), this.standardQuery, "stop").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForMap(
				"SELECT status, rows_read FROM import_files WHERE feed = 'usage' AND file_name = 'analytics-2026-11-24'"))
			.as("the row at the watermark, to the microsecond, is not pulled again")
			.containsEntry("status", "EMPTY")
			.containsEntry("rows_read", 0L);
	}

	@Test
	void nextNightPullsOnlyRowsChangedSinceTheWatermarkLateRowsIncluded() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		usage("ACC-2", "2026-11-22", 12, 15, "2.00", "2026-11-22 23:59:59");
		assertThat(run(NIGHT, this.standardQuery, "stop").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// the next day upstream adds a day of usage and corrects a day already imported
		usage("ACC-2", "2026-11-23", 14, 16, "1.00", "2026-11-24 02:00:00");
		source().execute("UPDATE usage_daily SET active_users = 185, updated_at = '2026-11-24 03:00:00' "
				+ "WHERE account_id = 'ACC-1' AND usage_date = '2026-11-21'");

		JobExecution next = run(NIGHT.plusDays(1), this.standardQuery, "stop");

		assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject(
				"SELECT rows_read FROM import_files WHERE feed = 'usage' AND file_name = 'analytics-2026-11-24'",
				Long.class))
			.isEqualTo(2L);
		assertThat(this.jdbc.queryForObject("SELECT active_users FROM daily_usage WHERE usage_date = '2026-11-21'",
				Integer.class))
			.as("the late correction of a day imported the night before")
			.isEqualTo(185);
		assertThat(count("daily_usage")).isEqualTo(3);
		assertThat(watermark()).isEqualTo(LocalDateTime.of(2026, 11, 24, 3, 0));
	}

	@Test
	void rerunOfTheSameNightPullsTheSameRowsAndChangesNothing() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		usage("ACC-2", "2026-11-22", 12, 15, "2.00", "2026-11-23 08:00:00");
		assertThat(run(NIGHT, this.standardQuery, "stop").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> before = this.jdbc
			.queryForList("SELECT * FROM daily_usage ORDER BY account_id, usage_date");
		LocalDateTime watermark = watermark();
		// a row changed after the night's window: for the next night, not this one
		usage("ACC-3", "2026-11-23", 5, 5, null, "2026-11-24 00:30:00");

		JobExecution rerun = run(NIGHT, this.standardQuery, "stop");

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT * FROM daily_usage ORDER BY account_id, usage_date"))
			.isEqualTo(before);
		assertThat(this.jdbc.queryForMap(
				"SELECT COUNT(*) AS pulls, MAX(rows_read) AS rows_read FROM import_files " + "WHERE feed = 'usage'"))
			.as("the same ledger row, read again from its start")
			.containsEntry("pulls", 1L)
			.containsEntry("rows_read", 2L);
		assertThat(watermark()).isEqualTo(watermark);
	}

	@Test
	void badRowsAreRejectedWithTheSourceRowKeyAndReasonIntoTheRejectReport() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		usage("ACC-1", "2026-11-22", -3, 400, null, "2026-11-22 11:00:00");
		usage("ACC-404", "2026-11-22", 10, 10, null, "2026-11-22 12:00:00");
		usage("ACC-2", "2026-11-22", 12, 15, "2.00", "2026-11-22 13:00:00");
		usage("ACC-3", "2026-11-20", 3, 3, null, "2026-11-22 14:00:00");

		JobExecution run = run(NIGHT, this.standardQuery, "stop");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("daily_usage")).isEqualTo(3);
		List<Map<String, Object>> rejections = this.jdbc
			.queryForList("SELECT line_number, raw_line, reason FROM import_rejections ORDER BY line_number");
		assertThat(rejections).hasSize(2);
		assertThat(rejections.get(0)).containsEntry("line_number", 2L);
		assertThat((String) rejections.get(0).get("raw_line"))
			.startsWith("analytics row 2, key accountId=ACC-1 usageDate=2026-11-22:")
			.contains("active_users=-3;");
		assertThat((String) rejections.get(0).get("reason")).isEqualTo("activeUsers must not be negative (was -3)");
		assertThat((String) rejections.get(1).get("reason")).isEqualTo("unknown account 'ACC-404'");
		Path rejectFile = this.feeds.archive("usage")
			.resolve("2026-11-23")
			.resolve("analytics-2026-11-23.rejected.csv");
		assertThat(Files.readAllLines(rejectFile)).hasSize(3)
			.element(1)
			.asString()
			.startsWith("\"analytics-2026-11-23\",2,\"activeUsers must not be negative (was -3)\",\"analytics row 2");
		assertThat(watermark()).isEqualTo(LocalDateTime.of(2026, 11, 22, 14, 0));
	}

	@Test
	void tooManyBadRowsFailTheStepAndKeepTheWatermarkForTheNextRun() throws Exception {
		usage("ACC-1", "2026-11-21", -1, 420, null, "2026-11-22 10:00:00");
		usage("ACC-404", "2026-11-22", 10, 10, null, "2026-11-22 12:00:00");
		usage("ACC-2", "2026-11-22", 12, 15, "2.00", "2026-11-22 13:00:00");

		JobExecution run = run(NIGHT, this.standardQuery, "stop");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.queryForMap("SELECT status, failure FROM import_files WHERE feed = 'usage'"))
			.containsEntry("status", "TOO_MANY_REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT failure FROM import_files WHERE feed = 'usage'", String.class))
			.contains("2 of 3 rows pulled from data source 'analytics' rejected")
			.contains("analytics-2026-11-23.rejected.csv");
		assertThat(this.feeds.inbox("usage").resolve("analytics-2026-11-23.rejected.csv")).exists();
		assertThat(count("source_watermarks")).isZero();
	}

	@Test
	void anUnreachableSourceFailsTheStepNamingTheSourceAndNeverThePassword() throws Exception {
		JobExecution run = run(NIGHT, this.standardQuery, "stop", unreachableUrl());

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		String failure = failureOf(run, "usageImportStep");
		assertThat(failure).contains("data source 'analytics': cannot connect to").doesNotContain(PASSWORD);
		assertThat(this.jdbc.queryForObject("SELECT failure FROM import_files WHERE feed = 'usage'", String.class))
			.contains("data source 'analytics'")
			.doesNotContain(PASSWORD);
		assertThat(count("source_watermarks")).isZero();
		assertThat(count("accounts")).as("the feeds before it imported").isEqualTo(3);
	}

	@Test
	void aFailedRunContinuesAtTheSourceStepOnceTheSourceIsBackAndAStrayFileIsNamed() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		this.feeds.drop("usage", "usage.csv", "account_id,date,active_users,logins\nACC-1,2026-11-21,1,1\n");
		JobExecution failed = run(NIGHT, this.standardQuery, "stop", unreachableUrl());
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

		JobExecution continued = this.launcher.run(job(definitionPulling(this.standardQuery, "stop", source().url())),
				NIGHT, false);

		assertThat(continued.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(continued.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(continued.getStepExecutions()).extracting(StepExecution::getStepName)
			.containsExactly("usageImportStep");
		assertThat(this.jdbc.queryForObject("SELECT active_users FROM daily_usage", Integer.class)).isEqualTo(180);
		assertThat(this.jdbc.queryForMap("SELECT status, failure FROM import_files WHERE file_name = 'usage.csv'"))
			.containsEntry("status", "UNMATCHED");
		assertThat(this.feeds.inbox("usage").resolve("usage.csv")).exists();
		assertThat(watermark()).isEqualTo(LocalDateTime.of(2026, 11, 22, 10, 0));
	}

	@Test
	void onFailureSkipLetsTheNightGoOnWithTheFeedSkippedAndItsWatermarkKept() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		assertThat(run(NIGHT, this.standardQuery, "stop").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		LocalDateTime watermark = watermark();

		JobExecution next = run(NIGHT.plusDays(1), this.standardQuery, "skip", unreachableUrl());

		assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution usage = step(next, "usageImportStep");
		assertThat(usage.getExitStatus().getExitCode()).isEqualTo("SKIPPED");
		assertThat(this.jdbc.queryForMap(
				"SELECT status, failure FROM import_files WHERE feed = 'usage' AND file_name = 'analytics-2026-11-24'"))
			.containsEntry("status", "FAILED");
		assertThat(watermark()).isEqualTo(watermark);
	}

	@Test
	void aFailingQueryFailsTheStepNamingTheSourceAndTheDatabasesReason() throws Exception {
		JobExecution run = run(NIGHT, "SELECT * FROM usage_dialy WHERE updated_at > :since", "stop");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failureOf(run, "usageImportStep"))
			.contains("data source 'analytics': the query of feed 'usage' failed:")
			.contains("usage_dialy");
	}

	@Test
	void aQueryWithoutAMappedColumnFailsTheStepNamingTheColumnAndWhatItReturns() throws Exception {
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");

		JobExecution run = run(NIGHT,
				"SELECT account_id, usage_date, active_users, updated_at FROM usage_daily WHERE updated_at > :since",
				"stop");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failureOf(run, "usageImportStep")).contains("returns no column 'logins' (field logins)")
			.containsIgnoringCase("it returns [account_id, usage_date, active_users, updated_at]");
	}

	@Test
	void sourcesTestPrintsSampleRowsWithWhatTheImportWouldDoAndWritesNothing() throws Exception {
		this.launcher.run(filesOnlyJob(), NIGHT, true);
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		usage("ACC-404", "2026-11-22", 10, 10, null, "2026-11-22 12:00:00");
		usage("ACC-2", "2026-11-22", 12, 15, "2.00", "2026-11-22 13:00:00");
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		int exit = new SourceCommands()
			.sourcesCommand(definitionPulling(this.standardQuery, "stop", source().url()), this.watermarks, this.jdbc,
					this.rules, this.clock)
			.run(new CommandArguments(
					new DefaultApplicationArguments("sources", "test", "--limit=2", "--date=" + NIGHT)),
					new PrintStream(printed, true, StandardCharsets.UTF_8));

		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(exit).isEqualTo(1);
		assertThat(output)
			.contains("usage ← data source 'analytics' (" + source().url()
					+ "), rows after 2026-01-01T00:00 up to 2026-11-24T00:00")
			.contains("2 sample rows (--limit=2)")
			.contains("  analytics row 1, key accountId=ACC-1 usageDate=2026-11-21: account_id=ACC-1;")
			.contains("      → ok")
			.contains("      → REJECTED: unknown account 'ACC-404'")
			.contains("    - row 2 would be rejected: unknown account 'ACC-404'")
			.doesNotContain("row 3")
			.contains("1 of 1 source with problems");
		assertThat(count("daily_usage")).isZero();
		assertThat(count("source_watermarks")).isZero();
	}

	@Test
	void sourcesListsTheWatermarksAndResetMakesTheNextPullStartFromADate() throws Exception {
		usage("ACC-1", "2026-11-01", 100, 100, null, "2026-11-02 10:00:00");
		usage("ACC-1", "2026-11-21", 180, 420, "35.00", "2026-11-22 10:00:00");
		assertThat(run(NIGHT, this.standardQuery, "stop").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		ImportDefinition withSource = definitionPulling(this.standardQuery, "stop", source().url());
		assertThat(sources(withSource)).contains("usage                analytics        2026-11-22T10:00")
			.contains("2026-11-23            2");

		assertThat(sources(withSource, "reset", "usage", "--since=2026-11-02")).contains(
				"usage: the next pull reads the rows of data source 'analytics' after 2026-11-02T00:00, whatever night "
						+ "it is for.");
		JobExecution next = run(NIGHT.plusDays(1), this.standardQuery, "stop");

		assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject(
				"SELECT rows_read FROM import_files WHERE feed = 'usage' AND file_name = 'analytics-2026-11-24'",
				Long.class))
			.isEqualTo(2L);
		assertThat(this.jdbc.queryForObject("SELECT changed_by FROM source_watermarks", String.class))
			.isEqualTo("import");
	}

	String sources(ImportDefinition withSource, String... operands) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<String> arguments = new java.util.ArrayList<>(List.of("sources"));
		arguments.addAll(List.of(operands));
		int exit = new SourceCommands().sourcesCommand(withSource, this.watermarks, this.jdbc, this.rules, this.clock)
			.run(new CommandArguments(new DefaultApplicationArguments(arguments.toArray(String[]::new))),
					new PrintStream(printed, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		return printed.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Imports the starter portfolio's files alone (the accounts a sample refers to).
	 */
	Job filesOnlyJob() throws IOException {
		ImportDefinition withSource = definitionPulling(this.standardQuery, "stop", source().url());
		ImportDefinition filesOnly = new ImportDefinition(withSource.source(), withSource.inbox(), withSource.archive(),
				withSource.maxRejectedRatio(), withSource.chunkSize(),
				withSource.feeds().stream().filter((feed) -> !feed.isSqlSource()).toList());
		List<Step> steps = this.feedImportSteps.steps(filesOnly);
		return new JobBuilder("filesImportJob", this.jobRepository).start(steps.get(0)).next(steps.get(1)).build();
	}

	final String standardQuery = """
			SELECT account_id, usage_date, active_users, logins, key_events, reports_created, updated_at
			FROM usage_daily
			WHERE updated_at > :since AND updated_at < :until
			ORDER BY updated_at, account_id, usage_date""";

	void usage(String account, String date, int activeUsers, int logins, String reports, String updatedAt) {
		source().execute("INSERT INTO usage_daily VALUES ('" + account + "', '" + date + "', " + activeUsers + ", "
				+ logins + ", 0, " + ((reports != null) ? reports : "NULL") + ", '" + updatedAt + "')");
	}

	JobExecution run(LocalDate night, String query, String onFailure) throws Exception {
		return run(night, query, onFailure, source().url());
	}

	JobExecution run(LocalDate night, String query, String onFailure, String url) throws Exception {
		return this.launcher.run(job(definitionPulling(query, onFailure, url)), night, true);
	}

	Job job(ImportDefinition withSource) {
		List<Step> steps = this.feedImportSteps.steps(withSource);
		SimpleJobBuilder job = new JobBuilder("sourceImportJob", this.jobRepository).start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		return job.build();
	}

	/**
	 * The test's job definition with the csms and accounts feeds reading files and the
	 * usage feed pulling from the source database, read by the real loader.
	 */
	ImportDefinition definitionPulling(String query, String onFailure, String url) throws IOException {
		String yaml = """
				job: nightlyJob
				import:
				  inbox: %s
				  archive: %s
				  max-rejected-ratio: 0.5
				  chunk-size: 2
				  data-sources:
				    analytics:
				      url: "%s"
				      user: %s
				      password-file: %s
				  feeds:
				    - name: csms
				      target: csm
				      columns: {email: email, name: name}
				    - name: accounts
				      target: account
				      columns: {externalId: account_id, name: name, segment: segment, csmEmail: csm_email,
				                lifecycleStage: lifecycle_stage, startDate: start_date, goLiveDate: go_live_date}
				    - name: usage
				      target: daily-usage
				      source:
				        data-source: analytics
				        query: |
				%s
				        watermark: updated_at
				        initial-watermark: 2026-01-01
				        fetch-size: 2
				        on-failure: %s
				      columns: {accountId: account_id, usageDate: usage_date, activeUsers: active_users,
				                logins: logins, keyEvents: key_events}
				      metrics: [reports_created]
				""".formatted(this.definition.inbox(), this.definition.archive(), url, source().user(),
				this.work.resolve("analytics.password"), query.indent(10).stripTrailing(), onFailure);
		Path file = Files.writeString(this.work.resolve("nightly-job.yml"), yaml);
		return ImportDefinitionLoader.load(file);
	}

	String unreachableUrl() {
		return source().url().replaceFirst(":\\d+/", ":1/");
	}

	LocalDateTime watermark() {
		return this.jdbc.queryForObject("SELECT watermark FROM source_watermarks WHERE feed = 'usage'",
				LocalDateTime.class);
	}

	long count(String table) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (count != null) ? count : 0;
	}

	static StepExecution step(JobExecution run, String name) {
		return run.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	static String failureOf(JobExecution run, String stepName) {
		StepExecution step = step(run, stepName);
		assertThat(step.getFailureExceptions()).isNotEmpty();
		return step.getFailureExceptions().get(0).getMessage();
	}

}
