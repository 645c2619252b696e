package com.successpilot.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.system.CommandArguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run before renewals: judges only the accounts renewing within the window of
 * {@code batch-jobs/renewal-job.yml} (120 days), on the data the nightly run imported,
 * and leaves every other account's tasks alone.
 */
@SuccessPilotTest
class RenewalJobTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunCommand runCommand;

	@Autowired
	ImportDefinition definition;

	@Autowired
	JdbcTemplate jdbc;

	TestInbox inbox;

	@BeforeEach
	void emptyDatabaseAndInbox() {
		TestData.deleteAll(this.jdbc);
		this.inbox = new TestInbox(this.definition);
		this.inbox.empty();
	}

	@Test
	void judgesOnlyAccountsRenewingWithinTheWindowAndClosesOnlyTheirTasks() throws Exception {
		// two stalled onboardings, one renewing in 60 days, one in 300: the nightly run
		// raises tasks for both
		stalledOnboarding("ACC-SOON", 60);
		stalledOnboarding("ACC-LATER", 300);
		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(statusesOf("ACC-SOON")).isNotEmpty().containsOnly("OPEN");
		assertThat(statusesOf("ACC-LATER")).isNotEmpty().containsOnly("OPEN");

		// both reach first value, so both conditions clear; only the import knows yet
		firstValue("ACC-SOON");
		firstValue("ACC-LATER");
		this.launcher.run("importJob", NIGHT.plusDays(1), true);
		JobExecution renewal = this.launcher.run("renewalJob", NIGHT.plusDays(1), true);

		assertThat(renewal.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step(renewal, "renewalJudgementStep").getReadCount()).isEqualTo(1);
		assertThat(statusesOf("ACC-SOON")).containsOnly("AUTO_CLOSED");
		assertThat(statusesOf("ACC-LATER")).containsOnly("OPEN");
		assertThat(this.jdbc.queryForList("""
				SELECT a.external_id FROM health_scores h JOIN accounts a ON a.id = h.account_id WHERE h.run_date = ?
				""", String.class, NIGHT.plusDays(1))).containsExactly("ACC-SOON");
		// the metrics step computes every account's facts (cheap, one statement per
		// range)
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_facts WHERE run_date = ?", Integer.class,
				NIGHT.plusDays(1)))
			.isEqualTo(2);
		// and the progress of the judgement step knew its total: the one account
		assertThat(step(renewal, "renewalJudgementStep").getExecutionContext().getLong("progress.total")).isEqualTo(1);
	}

	@Test
	void runRenewalJobFromTheCommandLinePrintsProgressAndTheSummary() throws Exception {
		stalledOnboarding("ACC-SOON", 30);
		this.launcher.run("importJob", NIGHT, true);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		int exit = this.runCommand.run(
				new CommandArguments(
						new DefaultApplicationArguments("run", "renewalJob", "--date=" + NIGHT, "--fresh")),
				new PrintStream(printed, true, StandardCharsets.UTF_8));

		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(exit).isZero();
		assertThat(output).contains("Running renewalJob for 2026-11-23")
			.contains("accountMetricsStep COMPLETED: 1 items in")
			.contains("renewalJudgementStep COMPLETED: 1 items in")
			.contains("mailDeliveryStep COMPLETED")
			.contains("renewalJob for 2026-11-23, run ")
			.contains("COMPLETED");
	}

	private void stalledOnboarding(String accountId, int renewalInDays) {
		this.inbox.drop("csms", "email,name", "misaki.sato@example.com,佐藤 美咲\n");
		this.inbox.drop("segment-thresholds", "segment,threshold,value,description",
				"smb,first_value_days,30,First value is due within 30 days\n");
		this.inbox.drop("accounts",
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date",
				accountId + ",株式会社" + accountId + ",smb,retail,misaki.sato@example.com,onboarding,"
						+ NIGHT.minusDays(60) + ",\n");
		this.inbox.drop("contracts",
				"contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status",
				"C-" + accountId + "," + accountId + ",Platform," + NIGHT.minusDays(60) + ","
						+ NIGHT.plusDays(renewalInDays) + ",12000,USD,20,true,active\n");
		StringBuilder usage = new StringBuilder();
		for (int day = 1; day <= 5; day++) {
			usage.append(accountId).append(',').append(NIGHT.minusDays(day)).append(",4,6,10,0,,\n");
		}
		this.inbox.drop("usage", USAGE_HEADER, usage.toString());
	}

	private void firstValue(String accountId) {
		this.inbox.drop("usage", USAGE_HEADER, accountId + "," + NIGHT + ",6,9,30,1,,\n");
	}

	private static final String USAGE_HEADER = "account_id,date,active_users,logins,key_events,value_milestones,"
			+ "reports_created,integrations_active";

	private List<String> statusesOf(String accountId) {
		return this.jdbc.queryForList(
				"SELECT t.status FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE a.external_id = ?",
				String.class, accountId);
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
