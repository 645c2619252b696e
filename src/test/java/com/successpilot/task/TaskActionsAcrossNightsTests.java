package com.successpilot.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a CSM does through the API and what the next night's run makes of it, with the
 * real nightly job and starter rules: a task marked done is raised afresh when its rule
 * fires again; a snoozed one is not repeated.
 */
@SuccessPilotTest
class TaskActionsAcrossNightsTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String RESCUE = "onboarding-first-value-rescue";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	ImportDefinition definition;

	@Autowired
	RunLauncher launcher;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
	}

	@Test
	void doneStaysDoneForTheSameOccurrenceWhileSnoozeKeepsItsKey() throws Exception {
		stalledOnboarding();
		this.clock.set(NIGHT, LocalTime.of(1, 30));
		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// the CSM acts in the morning
		this.clock.set(NIGHT, LocalTime.of(10, 0));
		List<Long> raised = this.jdbc.queryForList("SELECT id FROM tasks WHERE playbook = ? ORDER BY id", Long.class,
				RESCUE);
		assertThat(raised).hasSize(2);
		SignIn misaki = new TestUsers(this.userAccounts, this.jdbc).csmUser("misaki.sato@example.com");
		this.mvc.perform(get("/api/tasks/" + raised.get(0)).with(misaki.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evidence.facts.daysSinceStart").value(60))
			.andExpect(jsonPath("$.evidence.thresholds.first_value_days").value(30));

		this.mvc
			.perform(post("/api/tasks/" + raised.get(0) + "/done").with(misaki.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"Walked them through their first report\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/tasks/" + raised.get(1) + "/snooze").with(misaki.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"until\":\"" + NIGHT.plusDays(10) + "\"}"))
			.andExpect(status().isOk());
		this.clock.set(NIGHT.plusDays(1), LocalTime.of(1, 30));
		assertThat(this.launcher.run("nightlyJob", NIGHT.plusDays(1), true).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);

		assertThat(statusOf(raised.get(0))).isEqualTo("DONE");
		assertThat(statusOf(raised.get(1))).isEqualTo("SNOOZED");
		assertThat(
				this.jdbc.queryForList("SELECT status FROM tasks WHERE playbook = ? ORDER BY id", String.class, RESCUE))
			.containsExactly("DONE", "SNOOZED");
		// done gave up the active key (nothing blocks a new occurrence), snooze kept it
		assertThat(this.jdbc.queryForObject("SELECT active_key FROM tasks WHERE id = ?", String.class, raised.get(0)))
			.isNull();
		assertThat(this.jdbc.queryForObject("SELECT active_key FROM tasks WHERE id = ?", String.class, raised.get(1)))
			.isNotNull();
	}

	private String statusOf(long taskId) {
		return this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, taskId);
	}

	/**
	 * One smb account in onboarding for 60 days with logins but no value milestone: the
	 * first-value rescue playbook raises its two tasks.
	 */
	private void stalledOnboarding() {
		TestInbox inbox = new TestInbox(this.definition);
		inbox.drop("csms", "email,name", "misaki.sato@example.com,佐藤 美咲\n");
		inbox.drop("segment-thresholds", "segment,threshold,value,description",
				"smb,first_value_days,30,First value is due within 30 days\n");
		inbox.drop("accounts", "account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date",
				"ACC-1,株式会社テスト,smb,retail,misaki.sato@example.com,onboarding," + NIGHT.minusDays(60) + ",\n");
		inbox.drop("contracts",
				"contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status",
				"C-1,ACC-1,Platform," + NIGHT.minusDays(60) + "," + NIGHT.plusDays(300)
						+ ",12000,USD,20,true,active\n");
		StringBuilder usage = new StringBuilder();
		for (int day = 1; day <= 5; day++) {
			usage.append("ACC-1,").append(NIGHT.minusDays(day)).append(",4,6,10,0,,\n");
		}
		inbox.drop("usage",
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active",
				usage.toString());
	}

}
