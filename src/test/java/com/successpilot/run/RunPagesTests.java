package com.successpilot.run;

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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.judgement.JudgementRulesDirectory;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The runs pages: the history, one run's steps with their counts, every rule's firings
 * (zero included), rule errors per account, and a run the surge guard held, released or
 * discarded from its page. The same set-up as the surge guard's tests (and their
 * application context): quiet nights, then a night with ten new accounts.
 */
@SuccessPilotTest
@TestPropertySource(properties = { "successpilot.rules.dir=" + JudgementRulesDirectory.DIR,
		"successpilot.mail.ops-recipients=cs-ops@example.com" })
class RunPagesTests {

	private static final LocalDate FIRST_NIGHT = LocalDate.of(2026, 11, 2);

	private static final LocalDate SURGE_NIGHT = FIRST_NIGHT.plusDays(4);

	private static final String HEADER = "account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date";

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	TestUsers.SignIn ops;

	JobExecution surge;

	@BeforeEach
	void quietNightsThenASurgeHeldForReview() throws Exception {
		TestData.deleteAll(this.jdbc);
		this.ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		JudgementRulesDirectory.fillWith(Path.of("src", "test", "resources", "rules-fixtures", "throwing"));
		Files.writeString(JudgementRulesDirectory.PATH.resolve("attention.yml"), """
				surge-guard:
				  factor: 3
				  nights: 7
				  minimum-new-tasks: 3
				""");
		TestInbox inbox = new TestInbox(this.definition);
		inbox.empty();
		inbox.drop("csms", "email,name", "misaki.sato@example.com,佐藤 美咲\n");
		inbox.drop("accounts", HEADER, account("ACC-1", "Account 1") + account("ACC-B", "Broken Corp"));
		for (int night = 0; night < 4; night++) {
			assertThat(this.launcher.run("nightlyJob", FIRST_NIGHT.plusDays(night), true).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);
		}
		StringBuilder tenNewAccounts = new StringBuilder();
		for (int i = 2; i <= 11; i++) {
			tenNewAccounts.append(account("ACC-" + i, "Account " + i));
		}
		inbox.drop("accounts", HEADER, tenNewAccounts.toString());
		this.surge = this.launcher.run("nightlyJob", SURGE_NIGHT, true);
		assertThat(this.surge.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void theHistoryListsTheRunsAndARunShowsItsStepsFiringsAndRuleErrors() throws Exception {
		this.mvc.perform(get("/runs").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/runs/" + this.surge.getId() + "\"")))
			.andExpect(content().string(containsString("completed")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));

		String page = this.mvc.perform(get("/runs/" + this.surge.getId()).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long run = this.surge.getJobInstance().getInstanceId();
		assertThat(page).contains("accountJudgementStep").contains("csmsImportStep").contains("mailDeliveryStep");
		List<Map<String, Object>> firings = this.jdbc
			.queryForList("SELECT rule_name, fired FROM rule_firings WHERE run_id = ?", run);
		assertThat(firings).as("every rule has a line, zero included").hasSize(2);
		for (Map<String, Object> firing : firings) {
			assertThat(page).contains("<td data-label=\"Rule\">" + firing.get("rule_name") + "</td>\n"
					+ "        <td class=\"number\" data-label=\"Fired\">" + firing.get("fired") + "</td>");
		}
		assertThat(page).contains("Fails for one account").contains("ACC-B").contains("cannot judge Broken Corp");
		Integer raised = this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE created_run = ?", Integer.class,
				run);
		assertThat(page).contains("<div class=\"figure\" id=\"tasks-raised\">" + raised + "</div>");
		assertThat(page).contains("held for review").contains("action=\"/runs/" + this.surge.getId() + "/release\"");
	}

	@Test
	void aHeldRunIsDiscardedWithAReasonFromItsPage() throws Exception {
		long run = this.surge.getJobInstance().getInstanceId();
		this.mvc.perform(post("/runs/" + this.surge.getId() + "/discard").with(csrf()).with(this.ops.basic()))
			.andExpect(redirectedUrl("/runs/" + this.surge.getId()))
			.andExpect(flash().attribute("problem", containsString("Say why")));

		this.mvc
			.perform(post("/runs/" + this.surge.getId() + "/discard").param("reason", "a feed sent every account twice")
				.with(csrf())
				.with(this.ops.basic()))
			.andExpect(redirectedUrl("/runs/" + this.surge.getId()))
			.andExpect(flash().attribute("notice", containsString("Discarded")));

		assertThat(this.jdbc.queryForObject("SELECT decision FROM run_reviews WHERE run_id = ?", String.class, run))
			.isEqualTo("DISCARDED");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE created_run = ? AND close_reason LIKE '%a feed sent every account twice%'",
				Integer.class, run))
			.isEqualTo(10);
		this.mvc.perform(get("/runs/held").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No run is waiting for a decision.")));
	}

	@Test
	void aHeldRunIsReleasedOnceAndTheSecondReleaseSaysSo() throws Exception {
		this.mvc.perform(get("/runs/held").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/runs/" + this.surge.getId() + "\"")));
		this.mvc.perform(post("/runs/" + this.surge.getId() + "/release").with(csrf()).with(this.ops.basic()))
			.andExpect(flash().attribute("notice", containsString("Released")));
		assertThat(this.jdbc.queryForObject("SELECT decision FROM run_reviews WHERE run_id = ?", String.class,
				this.surge.getJobInstance().getInstanceId()))
			.isEqualTo("RELEASED");
		this.mvc.perform(post("/runs/" + this.surge.getId() + "/release").with(csrf()).with(this.ops.basic()))
			.andExpect(flash().attribute("problem", containsString("already")));
	}

	@Test
	void badInputIsSaidOnThePageNeverAsJson() throws Exception {
		this.mvc.perform(post("/runs").param("job", "nightlyJobb").with(csrf()).with(this.ops.basic()))
			.andExpect(redirectedUrl("/runs"))
			.andExpect(flash().attribute("problem", containsString("There is no job called “nightlyJobb”")));
		this.mvc.perform(get("/runs?job=nope").with(this.ops.basic()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no job called “nope”")));
		this.mvc.perform(post("/runs/" + this.surge.getId() + "/restart").with(csrf()).with(this.ops.basic()))
			.andExpect(flash().attribute("problem", containsString("only a FAILED or STOPPED run can be restarted")));
		this.mvc.perform(get("/runs/987654321").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")));
	}

	private static String account(String id, String name) {
		return id + "," + name + ",smb,retail,misaki.sato@example.com,adoption,2025-01-01,2025-02-01\n";
	}

}
