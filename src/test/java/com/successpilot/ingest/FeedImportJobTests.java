package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.run.RunLauncher;

/**
 * The import job end to end: real files in an inbox, the real job, the real database.
 */
@SuccessPilotTest
class FeedImportJobTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	FeedFiles feeds;

	@BeforeEach
	void emptyPortfolioAndInbox() {
		this.feeds = FeedFiles.startingEmpty(this.definition, this.jdbc);
	}

	@Test
	void goodFeedImportsAndMovesToTheArchive() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("contracts", "contracts.csv", """
				contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status
				C-1,ACC-1,Platform,2025-04-01,2027-03-31,"12,000,000",JPY,250,true,active
				C-2,ACC-2,Platform,2026-10-01,2027-09-30,48000.50,USD,40,no,active
				""");
		this.feeds.drop("usage", "usage.csv", """
				account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active
				ACC-1,2026-11-21,180,420,900,1,35,4
				ACC-1,2026/11/22,175,400,870,0,,4
				ACC-2,2026-11-22,12,15,20,0,2,
				""");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("accounts")).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT name FROM accounts WHERE external_id = 'ACC-2'", String.class))
			.isEqualTo("Northwind Analytics, Ltd.");
		assertThat(this.jdbc
			.queryForMap("SELECT arr, licensed_seats, auto_renew FROM contracts WHERE external_id = 'C-1'"))
			.containsEntry("licensed_seats", 250);
		assertThat(this.jdbc.queryForObject("SELECT arr FROM contracts WHERE external_id = 'C-1'", Double.class))
			.isEqualTo(12_000_000d);
		assertThat(count("daily_usage")).isEqualTo(3);
		assertThat(count("usage_metrics")).isEqualTo(4);
		assertThat(this.feeds.inbox("usage").resolve("usage.csv")).doesNotExist();
		assertThat(this.feeds.archive("usage").resolve(NIGHT.toString()).resolve("usage.csv")).exists();
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM import_files", String.class))
			.containsExactly("IMPORTED");
	}

	@Test
	void eachKindOfBadRowIsRejectedWithItsReasonWhileGoodRowsLand() throws Exception {
		this.feeds.dropStarterPortfolio();
		this.feeds.drop("contracts", "contracts.csv", """
				contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status
				C-1,ACC-1,Platform,2025-04-01,2027-03-31,1200000,JPY,250,true,active
				C-2,ACC-1,Platform,2025-13-01,2027-03-31,1000,JPY,10,true,active
				C-3,ACC-1,Platform,2025-04-01,2027-03-31,lots,JPY,10,true,active
				C-4,ACC-1,Platform,2025-04-01,2027-03-31,1000,JPY,-5,true,active
				C-5,ACC-404,Platform,2025-04-01,2027-03-31,1000,JPY,10,true,active
				C-6,ACC-1,,2025-04-01,2027-03-31,1000,JPY,10,true,active
				C-7,ACC-1,Platform,2026-04-01,2026-03-31,1000,JPY,10,true,active
				C-8,ACC-2,"Analytics
				add-on",2026-10-01,2027-09-30,9000,USD,5,false,active
				C-9,ACC-3,Platform,2024-12-01
				C-10,ACC-3,Platform,2024-12-01,2025-11-30,9000,USD,5,false,active
				""");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.queryForList("SELECT external_id FROM contracts ORDER BY external_id", String.class))
			.containsExactly("C-1", "C-10", "C-8");
		Map<Long, String> reasons = new java.util.TreeMap<>();
		this.jdbc.query("SELECT line_number, reason FROM import_rejections", (rs) -> {
			reasons.put(rs.getLong(1), rs.getString(2));
		});
		assertThat(reasons).containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L, 11L);
		assertThat(reasons.get(3L)).contains("startDate '2025-13-01' is not a date");
		assertThat(reasons.get(4L)).contains("arr 'lots' is not a number");
		assertThat(reasons.get(5L)).contains("licensedSeats must not be negative");
		assertThat(reasons.get(6L)).contains("unknown account 'ACC-404'");
		assertThat(reasons.get(7L)).contains("product is required but empty");
		assertThat(reasons.get(8L)).contains("endDate 2026-03-31 is before startDate 2026-04-01");
		assertThat(reasons.get(11L)).contains("expected 10 fields as in the header, found 4");
		assertThat(this.jdbc.queryForMap("SELECT rows_read, rows_imported, rows_rejected, status FROM import_files "
				+ "WHERE feed = 'contracts'"))
			.containsEntry("rows_read", 10L)
			.containsEntry("rows_imported", 3L)
			.containsEntry("rows_rejected", 7L)
			.containsEntry("status", "TOO_MANY_REJECTED");
		Path rejectFile = this.feeds.inbox("contracts").resolve("contracts.csv.rejected.csv");
		assertThat(rejectFile).exists();
		List<String> rejectLines = Files.readAllLines(rejectFile);
		assertThat(rejectLines.get(0)).isEqualTo("file,line,reason,raw_line");
		assertThat(rejectLines.get(1)).startsWith("\"contracts.csv\",3,\"startDate '2025-13-01' is not a date");
		assertThat(rejectLines.get(1)).endsWith("\"C-2,ACC-1,Platform,2025-13-01,2027-03-31,1000,JPY,10,true,active\"");
		assertThat(this.feeds.inbox("contracts").resolve("contracts.csv")).exists();
		assertThat(run.getStepExecutions().stream().filter((s) -> s.getStepName().equals("contractsImportStep")))
			.singleElement()
			.satisfies((step) -> assertThat(step.getExitStatus().getExitDescription())
				.contains("contracts: 7 of 10 rows rejected (70.0 %), above the limit of 50.0 %"));
	}

	@Test
	void csmLanguageIsStoredInLowerCaseAndAnUnknownLanguageRejectsTheRowWithItsReason() throws Exception {
		this.feeds.drop("csms", "csms.csv", """
				email,name,language
				misaki.sato@example.com,佐藤 美咲,JA
				tom.baker@example.com,Tom Baker,en
				anna.weber@example.com,Anna Weber,de
				kenta.ito@example.com,伊藤 健太,
				""");
		this.feeds.drop("accounts", "accounts.csv",
				"""
						account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date,contact_name,contact_email
						ACC-1,株式会社さくらロジスティクス,enterprise,logistics,misaki.sato@example.com,adoption,2025-04-01,2025-05-15,木村 浩二,Koji.Kimura@sakura-logi.example
						ACC-2,Contoso Foods,smb,retail,tom.baker@example.com,renewal,2024-12-01,2025-01-10,,
						""");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.query("SELECT email, language FROM csms ORDER BY email",
				(rs, row) -> rs.getString(1) + " " + rs.getString(2)))
			.containsExactly("kenta.ito@example.com null", "misaki.sato@example.com ja", "tom.baker@example.com en");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM import_rejections", String.class))
			.isEqualTo("language 'de' is not one of [en, ja]");
		assertThat(this.jdbc.queryForObject("SELECT line_number FROM import_rejections", Long.class)).isEqualTo(4L);
		assertThat(Files
			.readAllLines(this.feeds.archive("csms").resolve(NIGHT.toString()).resolve("csms.csv.rejected.csv"))
			.get(1)).startsWith("\"csms.csv\",4,\"language 'de' is not one of [en, ja]\"");
		assertThat(this.jdbc
			.queryForMap("SELECT main_contact_name, main_contact_email FROM accounts WHERE external_id = 'ACC-1'"))
			.containsEntry("main_contact_name", "木村 浩二")
			.containsEntry("main_contact_email", "koji.kimura@sakura-logi.example");
		assertThat(this.jdbc
			.queryForMap("SELECT main_contact_name, main_contact_email FROM accounts WHERE external_id = 'ACC-2'"))
			.containsEntry("main_contact_name", null)
			.containsEntry("main_contact_email", null);
	}

	@Test
	void filesWithoutTheOptionalLanguageAndContactColumnsStillImport() throws Exception {
		this.feeds.dropStarterPortfolio();

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("csms")).isEqualTo(2);
		assertThat(this.jdbc.queryForList("SELECT language FROM csms", String.class)).containsOnlyNulls();
		assertThat(count("accounts")).isEqualTo(3);
	}

	@Test
	void reimportingTheSameFileIsANoOp() throws Exception {
		this.feeds.dropStarterPortfolio();
		String usage = """
				account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active
				ACC-1,2026-11-21,180,420,900,1,35,4
				ACC-2,2026-11-21,12,15,20,0,2,1
				ACC-2,2026-11-22,99,9,9,0,,
				""";
		this.feeds.drop("usage", "usage.csv", usage);
		assertThat(this.launcher.run("importJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> first = snapshot();

		this.feeds.drop("usage", "usage.csv", usage);
		this.feeds.dropStarterPortfolio();
		JobExecution again = this.launcher.run("importJob", NIGHT, true);

		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(snapshot()).isEqualTo(first);
		assertThat(this.jdbc.queryForMap("SELECT rows_read, rows_imported FROM import_files WHERE feed = 'usage'"))
			.containsEntry("rows_read", 3L)
			.containsEntry("rows_imported", 3L);
		assertThat(this.feeds.archive("usage").resolve(NIGHT.toString()).resolve("usage.csv.1")).exists();
	}

	@Test
	void restartAfterAFailureMidFileFinishesWithoutDuplicates() throws Exception {
		this.feeds.dropStarterPortfolio();
		StringBuilder usage = new StringBuilder(
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active\n");
		LocalDate day = LocalDate.of(2026, 1, 1);
		for (int i = 0; i < 300; i++) {
			int activeUsers = (i == 250) ? 4242 : 100 + (i % 7);
			usage.append("ACC-1,").append(day.plusDays(i)).append(',').append(activeUsers).append(",200,300,0,1,\n");
		}
		usage.append("ACC-404,2026-01-01,1,1,1,0,,\n");
		this.feeds.drop("usage", "usage.csv", usage.toString());
		// the database refuses one row mid-file, as a full disk or a lost connection
		// would
		this.jdbc.execute("ALTER TABLE daily_usage ADD CONSTRAINT ck_test_crash CHECK (active_users <> 4242)");
		JobExecution failed;
		try {
			failed = this.launcher.run("importJob", NIGHT, true);
		}
		finally {
			this.jdbc.execute("ALTER TABLE daily_usage DROP CONSTRAINT ck_test_crash");
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(count("daily_usage")).isEqualTo(200);

		JobExecution resumed = this.launcher.run("importJob", NIGHT, false);

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(count("daily_usage")).isEqualTo(300);
		assertThat(this.jdbc.queryForMap(
				"SELECT rows_read, rows_imported, rows_rejected, status FROM import_files WHERE feed = 'usage'"))
			.containsEntry("rows_read", 301L)
			.containsEntry("rows_imported", 300L)
			.containsEntry("rows_rejected", 1L)
			.containsEntry("status", "IMPORTED");
		assertThat(count("import_rejections")).isEqualTo(1);
		assertThat(resumed.getStepExecutions().stream().filter((s) -> s.getStepName().equals("usageImportStep")))
			.singleElement()
			.satisfies((step) -> assertThat(step.getReadCount()).isEqualTo(101));
	}

	@Test
	void fileWithUtf8ByteOrderMarkAndCrlfKeepsJapaneseNames() throws Exception {
		this.feeds.drop("csms", "csms.csv", """
				email,name\r
				misaki.sato@example.com,佐藤 美咲\r
				""");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = ("account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date\r\n"
				+ "ACC-9,株式会社ひまわり製作所,enterprise,製造業,misaki.sato@example.com,onboarding,2026-10-01,\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(body, 0, file, bom.length, body.length);
		this.feeds.drop("accounts", "accounts.csv", file);

		assertThat(this.launcher.run("importJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.jdbc.queryForMap("SELECT a.name, a.industry, c.name AS csm FROM accounts a "
				+ "JOIN csms c ON c.id = a.csm_id WHERE a.external_id = 'ACC-9'"))
			.containsEntry("name", "株式会社ひまわり製作所")
			.containsEntry("industry", "製造業")
			.containsEntry("csm", "佐藤 美咲");
	}

	@Test
	void aRequiredColumnMissingFromTheHeaderFailsTheFileAndLeavesItInTheInbox() throws Exception {
		this.feeds.drop("csms", "csms.csv", "mail,name\nx@example.com,X\n");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.feeds.inbox("csms").resolve("csms.csv")).exists();
		assertThat(this.jdbc.queryForObject("SELECT failure FROM import_files WHERE feed = 'csms'", String.class))
			.contains("csms/csms.csv: the header has no column 'email' (field email)");
	}

	@Test
	void shiftJisFileDeclaredAsUtf8FailsWithAClearMessage() throws Exception {
		this.feeds.drop("csms", "sjis.csv", "email,name\r\nhana.ito@example.com,伊藤 花子\r\n",
				java.nio.charset.Charset.forName("windows-31j"));

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(count("csms")).isZero();
		assertThat(
				this.jdbc.queryForObject("SELECT failure FROM import_files WHERE file_name = 'sjis.csv'", String.class))
			.contains("csms/sjis.csv is not valid UTF-8 text");
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private List<Map<String, Object>> snapshot() {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		rows.addAll(this.jdbc.queryForList("SELECT * FROM accounts ORDER BY external_id"));
		rows.addAll(this.jdbc.queryForList("SELECT * FROM csms ORDER BY email"));
		rows.addAll(this.jdbc.queryForList("SELECT * FROM daily_usage ORDER BY account_id, usage_date"));
		rows.addAll(this.jdbc.queryForList("SELECT * FROM usage_metrics ORDER BY account_id, usage_date, metric"));
		return rows;
	}

}
