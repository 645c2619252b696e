package com.successpilot.run;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.security.UserAccounts;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/runs/{id}} for a real nightly run: per-step counts, the partitioned
 * steps' progress with their totals, how often each rule fired, and the mails.
 */
@SuccessPilotTest
class RunDetailTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	MockMvc mvc;

	@Autowired
	RunLauncher launcher;

	@Autowired
	ImportDefinition definition;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyDatabaseAndInbox() {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
	}

	@Test
	void detailOfANightlyRunHasStepCountsProgressRuleFiringsAndMail() throws Exception {
		TestInbox inbox = new TestInbox(this.definition);
		inbox.drop("csms", "email,name", "misaki.sato@example.com,佐藤 美咲\n");
		inbox.drop("segment-thresholds", "segment,threshold,value,description",
				"smb,first_value_days,30,First value is due within 30 days\n");
		StringBuilder accounts = new StringBuilder();
		StringBuilder usage = new StringBuilder();
		for (int i = 1; i <= 3; i++) {
			accounts.append("ACC-")
				.append(i)
				.append(",Test ")
				.append(i)
				.append(",smb,retail,misaki.sato@example.com,onboarding,")
				.append(NIGHT.minusDays(60))
				.append(",\n");
			usage.append("ACC-").append(i).append(',').append(NIGHT.minusDays(1)).append(",4,6,10,0,,\n");
		}
		inbox.drop("accounts", "account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date",
				accounts.toString());
		inbox.drop("usage",
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active",
				usage.toString());
		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);
		var ops = new TestUsers(this.userAccounts, this.jdbc).ops();

		this.mvc.perform(get("/api/runs/" + run.getId()).with(ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.job").value("nightlyJob"))
			.andExpect(jsonPath("$.businessDate").value("2026-11-23"))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.steps[0].name").value("csmsImportStep"))
			.andExpect(jsonPath("$.steps[0].readCount").value(1))
			.andExpect(jsonPath("$.steps[?(@.name == 'accountsImportStep')].writeCount").value(hasItem(3)))
			.andExpect(jsonPath("$.steps[?(@.name == 'accountJudgementStep')].readCount").value(hasItem(3)))
			.andExpect(
					jsonPath("$.steps[?(@.name == 'accountJudgementStep')].partitions").value(hasItem(greaterThan(0))))
			.andExpect(jsonPath("$.steps[?(@.name == 'accountJudgementStep')].progress.items").value(hasItem(3)))
			.andExpect(jsonPath("$.steps[?(@.name == 'accountJudgementStep')].progress.total").value(hasItem(3)))
			.andExpect(jsonPath("$.steps[?(@.name == 'accountMetricsStep')].progress.total").value(hasItem(3)))
			.andExpect(jsonPath("$.steps[?(@.name == 'accountJudgementStepPartition:accounts0')]").isEmpty())
			.andExpect(jsonPath("$.outcomes.judgement.ruleFirings[?(@.rule == "
					+ "'Onboarding without first value after the first-value window')].fired")
				.value(hasItem(3)))
			.andExpect(jsonPath("$.outcomes.judgement.ruleErrors").value(0))
			.andExpect(jsonPath("$.outcomes.judgement.tasksRaised").value(greaterThan(2)))
			.andExpect(jsonPath("$.outcomes.judgement.accountsScored").value(3))
			.andExpect(jsonPath("$.outcomes.judgement.rulesVersions[0]").isString())
			.andExpect(jsonPath("$.outcomes.attention.firstNight").value(true))
			.andExpect(jsonPath("$.outcomes.attention.csms[0].raised").value(greaterThan(2)))
			.andExpect(jsonPath("$.outcomes.attention.csms[0].delivered").value(greaterThan(0)))
			.andExpect(jsonPath("$.outcomes.attention.csms[0].newTasksPerDay").value(10))
			.andExpect(jsonPath("$.outcomes.mail.digests").value(1))
			.andExpect(jsonPath("$.outcomes.mail.sent").value(greaterThan(0)))
			// every rule of the set is listed, those that fired for no account too
			.andExpect(jsonPath("$.outcomes.judgement.ruleFirings[?(@.fired == 0)]").isNotEmpty())
			.andExpect(jsonPath("$.outcomes.judgement.ruleErrorsByRule").isEmpty());
		this.mvc.perform(get("/api/rules/firings?from=" + NIGHT + "&to=" + NIGHT).with(ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].night").value("2026-11-23"))
			.andExpect(jsonPath("$[0].step").value("accountJudgementStep"))
			.andExpect(jsonPath(
					"$[0].rules[?(@.rule == " + "'Onboarding without first value after the first-value window')].fired")
				.value(hasItem(3)))
			.andExpect(jsonPath("$[0].rules[?(@.fired == 0)]").isNotEmpty());
		this.mvc.perform(get("/api/rules/firings?from=" + NIGHT + "&to=" + NIGHT.minusDays(1)).with(ops.basic()))
			.andExpect(status().isBadRequest());
	}

}
