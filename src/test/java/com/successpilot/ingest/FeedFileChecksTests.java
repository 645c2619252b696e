package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.ingest.FeedDefinition.Handling;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunSummary;

/**
 * What the import does with files that are broken, doubtful or empty (issue 13): a file
 * is never half imported, no row silently wins over another, nothing is echoed whole.
 */
@SuccessPilotTest
class FeedFileChecksTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String USAGE_HEADER = "account_id,date,active_users,logins,key_events,value_milestones,"
			+ "reports_created,integrations_active\n";

	private static final String CONTRACTS_HEADER = "contract_id,account_id,product,start_date,end_date,arr,currency,"
			+ "licensed_seats,auto_renew,status\n";

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunSummary summary;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	FeedImportSteps feedImportSteps;

	@Autowired
	JobRepository jobRepository;

	FeedFiles feeds;

	@BeforeEach
	void emptyPortfolioAndInbox() {
		this.feeds = FeedFiles.startingEmpty(this.definition, this.jdbc);
	}

	@Test
	void anUnclosedQuoteFailsTheFileWithTheLineItOpenedOnAndARerunAfterTheFixImportsEveryRowOnce() throws Exception {
		this.feeds.dropStarterPortfolio();
		StringBuilder good = new StringBuilder(USAGE_HEADER);
		LocalDate day = LocalDate.of(2024, 1, 1);
		for (int i = 0; i < 1000; i++) {
			good.append("ACC-1,").append(day.plusDays(i)).append(",10,20,30,0,1,2\n");
		}
		String broken = good.toString().replace("ACC-1,2025-05-14,", "ACC-1,2025-05-14,\"10");
		assertThat(broken).isNotEqualTo(good.toString());
		this.feeds.drop("usage", "usage.csv", broken);

		JobExecution failed = this.launcher.run("importJob", NIGHT, true);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(count("daily_usage")).isZero();
		assertThat(count("usage_metrics")).isZero();
		// the quote opens on line 501 (the header is line 1; 2025-05-14 is day 499)
		assertThat(this.jdbc.queryForObject("SELECT failure FROM import_files WHERE feed = 'usage'", String.class))
			.startsWith("usage/usage.csv line 501: the quoted field opened on line 501 is never closed")
			.contains("Nothing of the file was imported");
		assertThat(this.feeds.inbox("usage").resolve("usage.csv")).exists();
		assertThat(count("accounts")).as("the feeds before it imported").isEqualTo(3);

		this.feeds.drop("usage", "usage.csv", good.toString());
		JobExecution repaired = this.launcher.run("importJob", NIGHT, false);

		assertThat(repaired.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(repaired.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(count("daily_usage")).isEqualTo(1000);
		assertThat(count("usage_metrics")).isEqualTo(2000);
		assertThat(this.jdbc.queryForMap("SELECT rows_read, rows_imported, rows_rejected, status FROM import_files "
				+ "WHERE feed = 'usage' AND status = 'IMPORTED'"))
			.containsEntry("rows_read", 1000L)
			.containsEntry("rows_imported", 1000L)
			.containsEntry("rows_rejected", 0L);
		// the summary of the recovered run counts the file once, as it ended
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.summary.print(repaired, new PrintStream(out, true, StandardCharsets.UTF_8));
		String summary = out.toString(StandardCharsets.UTF_8);
		assertThat(summary).contains("after 2 attempts")
			.containsPattern("\\n  usage +1 +1000 +1000 +0\\n")
			.doesNotContain("never closed");
	}

	@Test
	void impossibleDatesAreRejectedNamingTheAcceptedFormats() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("contracts", "contracts.csv", CONTRACTS_HEADER + """
				C-1,ACC-1,Platform,2026/02/30,2027-03-31,1000,JPY,10,true,active
				C-2,ACC-1,Platform,2026-02-29,2027-03-31,1000,JPY,10,true,active
				C-3,ACC-1,Platform,2024/02/29,2027/3/31,1000,JPY,10,true,active
				""");

		this.launcher.run("importJob", NIGHT, true);

		assertThat(reasons()).containsExactly(
				Map.entry(2L, "startDate '2026/02/30' is not a date (accepted: 2026-11-23 or 2026/11/23)"),
				Map.entry(3L, "startDate '2026-02-29' is not a date (accepted: 2026-11-23 or 2026/11/23)"));
		assertThat(
				this.jdbc.queryForObject("SELECT start_date FROM contracts WHERE external_id = 'C-3'", LocalDate.class))
			.isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(count("contracts")).isEqualTo(1);
	}

	@Test
	void rowsSharingAKeyWithDifferentValuesAreRejectedNamingEachOtherAndExactRepeatsAreCountedOnce() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("usage", "usage.csv", USAGE_HEADER + """
				ACC-1,2026-11-20,180,420,900,1,35,4
				ACC-2,2026-11-20,12,15,20,0,2,1
				ACC-1,2026/11/20,999,420,900,1,35,4
				ACC-2,2026-11-20,12,15,20,0,2,1
				ACC-3,2026-11-20,5,5,5,0,1,1
				""");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(reasons()).containsExactly(
				Map.entry(2L,
						"the key accountId 'ACC-1', usageDate '2026-11-20' is also on line 4 with different values; "
								+ "the file must say once what is true"),
				Map.entry(4L, "the key accountId 'ACC-1', usageDate '2026-11-20' is also on line 2 with different "
						+ "values; the file must say once what is true"));
		assertThat(this.jdbc.queryForList(
				"SELECT a.external_id FROM daily_usage u JOIN accounts a ON a.id = u.account_id ORDER BY 1",
				String.class))
			.containsExactly("ACC-2", "ACC-3");
		assertThat(this.jdbc.queryForMap("SELECT rows_read, rows_imported, rows_rejected, rows_duplicate, failure "
				+ "FROM import_files WHERE feed = 'usage'"))
			.containsEntry("rows_read", 5L)
			.containsEntry("rows_imported", 2L)
			.containsEntry("rows_rejected", 2L)
			.containsEntry("rows_duplicate", 1L)
			.containsEntry("failure", "1 row repeats an earlier row exactly and was counted once");
	}

	@Test
	void usageAfterTheBusinessDateIsRejectedAndAContractActiveAfterItsEndIsImportedWithAWarning() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("contracts", "contracts.csv", CONTRACTS_HEADER + """
				C-1,ACC-1,Platform,2024-04-01,2026-03-31,1000,JPY,10,true,active
				C-2,ACC-2,Platform,2026-10-01,2027-09-30,1000,JPY,10,true,active
				C-3,ACC-3,Platform,2024-04-01,2026-03-31,1000,JPY,10,true,expired
				""");
		this.feeds.drop("usage", "usage.csv", USAGE_HEADER + """
				ACC-1,2026-11-23,180,420,900,1,35,4
				ACC-1,2026-11-24,180,420,900,1,35,4
				""");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("contracts")).isEqualTo(3);
		assertThat(reasons())
			.containsExactly(Map.entry(3L, "usageDate 2026-11-24 is after the business date 2026-11-23"));
		assertThat(this.jdbc.queryForMap(
				"SELECT rows_imported, rows_warned, failure, status FROM import_files WHERE feed = 'contracts'"))
			.containsEntry("rows_imported", 3L)
			.containsEntry("rows_warned", 1L)
			.containsEntry("status", "IMPORTED")
			.containsEntry("failure", "1 row imported with a warning (listed in the log with line and reason)");
		assertThat(print(run)).contains("contracts/contracts.csv IMPORTED: 1 row imported with a warning");
	}

	@Test
	void theChecksFollowTheFeedsDefinition() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("contracts", "contracts.csv", CONTRACTS_HEADER + """
				C-1,ACC-1,Platform,2024-04-01,2026-03-31,1000,JPY,10,true,active
				C-2,ACC-2,Platform,2026-10-01,2027-09-30,1000,JPY,10,true,active
				""");
		this.feeds.drop("usage", "usage.csv", USAGE_HEADER + "ACC-1,2026-11-24,180,420,900,1,35,4\n");

		JobExecution run = this.launcher
			.run(importJob("strictContractsLenientUsageJob", (feed) -> switch (feed.name()) {
				case "contracts" -> with(feed, false, feed.futureDates(), Handling.REJECT);
				case "usage" -> with(feed, false, Handling.ACCEPT, feed.endedButActive());
				default -> feed;
			}), NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(reasons()).containsExactly(Map.entry(2L, "status is active but endDate 2026-03-31 is before the "
				+ "business date 2026-11-23 (the contract has ended)"));
		assertThat(count("daily_usage")).isEqualTo(1);
	}

	@Test
	void emptyFilesAreAWarningAndTheNightGoesOn() throws Exception {
		this.feeds.drop("csms", "csms.csv", new byte[0]);
		this.feeds.drop("accounts", "accounts.csv",
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date\r\n\r\n");
		this.feeds.drop("segment-thresholds", "thresholds.csv",
				"segment,threshold,value,description\nenterprise,usage_decline_pct,30,\n");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(
				this.jdbc.queryForList("SELECT CONCAT(feed, ' ', status) FROM import_files ORDER BY id", String.class))
			.containsExactly("csms EMPTY", "accounts EMPTY", "segment-thresholds IMPORTED");
		assertThat(count("segment_thresholds")).isEqualTo(1);
		assertThat(this.feeds.archive("csms").resolve(NIGHT.toString()).resolve("csms.csv")).exists();
		assertThat(print(run))
			.contains("csms/csms.csv EMPTY: the file had no rows: nothing imported, the feed went on");
	}

	@Test
	void aRequiredFeedWithAnEmptyFileOrNoFileFailsTheRun() throws Exception {
		Job requiredCsms = importJob("requiredCsmsJob", (feed) -> feed.name().equals("csms")
				? with(feed, true, feed.futureDates(), feed.endedButActive()) : feed);
		this.feeds.drop("csms", "csms.csv", "email,name\n");

		JobExecution empty = this.launcher.run(requiredCsms, NIGHT, true);

		assertThat(empty.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.queryForObject("SELECT failure FROM import_files WHERE feed = 'csms'", String.class))
			.isEqualTo("csms/csms.csv has a header but no rows, and the feed is required (required: true): "
					+ "nothing was imported");

		Files.delete(this.feeds.inbox("csms").resolve("csms.csv"));
		JobExecution none = this.launcher.run(requiredCsms, NIGHT.plusDays(1), true);

		assertThat(none.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(print(none)).contains("no file in " + this.feeds.inbox("csms") + " matches '*.csv', and the feed is "
				+ "required (required: true)");
	}

	@Test
	void filesNoFeedReadsAreReportedOnTheRunAndLeftWhereTheyAre() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("nps", "nps-export.CSV", "response_id,account_id,responded_on,score\nR-1,ACC-1,2026-11-20,9\n");
		this.feeds.drop("NPS", "nps.csv", "response_id,account_id,responded_on,score\n");
		java.nio.file.Path stray = Files.writeString(this.definition.inbox().resolve("tickets.csv"), "ticket_id\n");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("nps_responses")).isZero();
		assertThat(this.jdbc.queryForList(
				"SELECT CONCAT(feed, '/', file_name) FROM import_files WHERE status = 'UNMATCHED' ORDER BY 1",
				String.class))
			.containsExactlyInAnyOrder("(inbox)/tickets.csv", "NPS/nps.csv", "nps/nps-export.CSV");
		String printed = print(run);
		assertThat(printed).contains("nps/nps-export.CSV UNMATCHED: matches no feed: feed 'nps' reads files matching "
				+ "'*.csv' (names are case-sensitive); rename it to nps-export.csv or widen the feed's files: glob");
		assertThat(printed).contains("NPS/nps.csv UNMATCHED: is in a folder no feed reads — did you mean 'nps'?");
		assertThat(printed).contains("(inbox)/tickets.csv UNMATCHED: is in the inbox itself");
		assertThat(this.feeds.inbox("nps").resolve("nps-export.CSV")).exists();
		assertThat(stray).exists();
	}

	@Test
	void longValuesAreNeverEchoedWhole() throws Exception {
		String endless = "x".repeat(5_000);
		this.feeds.drop("csms", "csms.csv",
				"email,name,language\n" + endless + ",Somebody," + endless + "\n" + "ok@example.com,OK,ja\n");
		this.feeds.drop("accounts", "accounts.csv", "account_id," + "y".repeat(2_000_000) + "\nACC-1,x\n");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		String reason = this.jdbc.queryForObject("SELECT reason FROM import_rejections", String.class);
		assertThat(reason).isEqualTo("email is longer than 254 characters; language '" + "x".repeat(200)
				+ "… (+4,800 characters)' is not one of [en, ja]");
		List<String> rejectFile = Files.readAllLines(
				this.feeds.archive("csms").resolve(NIGHT.toString()).resolve("csms.csv.rejected.csv"),
				StandardCharsets.UTF_8);
		assertThat(rejectFile.get(1)).hasSizeLessThan(2_000).contains("… (+9,");
		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		String failure = this.jdbc.queryForObject("SELECT failure FROM import_files WHERE feed = 'accounts'",
				String.class);
		assertThat(failure).isEqualTo("accounts/accounts.csv line 1: the record is longer than 1,000,000 characters. "
				+ "Nothing of the file was imported; fix it and run again.");
		assertThat(print(run)).hasSizeLessThan(5_000);
	}

	private Job importJob(String name, java.util.function.UnaryOperator<FeedDefinition> change) {
		ImportDefinition changed = new ImportDefinition(this.definition.source(), this.definition.inbox(),
				this.definition.archive(), this.definition.maxRejectedRatio(), this.definition.chunkSize(),
				this.definition.feeds().stream().map(change).toList());
		var steps = this.feedImportSteps.steps(changed);
		var job = new JobBuilder(name, this.jobRepository).start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		return job.build();
	}

	private static FeedDefinition with(FeedDefinition feed, boolean required, Handling futureDates,
			Handling endedButActive) {
		return new FeedDefinition(feed.name(), feed.target(), feed.files(), feed.encoding(), feed.delimiter(),
				feed.columns(), feed.metrics(), required, futureDates, endedButActive);
	}

	private String print(JobExecution run) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.summary.print(run, new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private Map<Long, String> reasons() {
		Map<Long, String> reasons = new TreeMap<>();
		this.jdbc.query("SELECT line_number, reason FROM import_rejections", (rs) -> {
			reasons.put(rs.getLong(1), rs.getString(2));
		});
		return reasons;
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

}
