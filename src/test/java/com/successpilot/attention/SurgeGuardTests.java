package com.successpilot.attention;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.judgement.JudgementRulesDirectory;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The surge guard: a night whose new tasks are far above the nights before is held for
 * review — everything recorded, its mails held, CS ops told — until OPS release it (the
 * mails go out) or discard it (no mail, its new tasks closed).
 */
@SuccessPilotTest
@TestPropertySource(properties = { "successpilot.rules.dir=" + JudgementRulesDirectory.DIR,
		"successpilot.mail.ops-recipients=cs-ops@example.com" })
class SurgeGuardTests {

	private static final LocalDate FIRST_NIGHT = LocalDate.of(2026, 11, 2);

	private static final LocalDate SURGE_NIGHT = FIRST_NIGHT.plusDays(4);

	private static final String HEADER = "account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date";

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunReviews reviews;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	TestUsers.SignIn ops;

	@BeforeEach
	void fourQuietNightsThenASurge() throws Exception {
		TestData.deleteAll(this.jdbc);
		this.ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		// one check-in task per account, and a guard that holds more than 3× the median
		// (at least 3)
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
		inbox.drop("accounts", HEADER, account(1));
		for (int night = 0; night < 4; night++) {
			assertThat(this.launcher.run("nightlyJob", FIRST_NIGHT.plusDays(night), true).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);
		}
		StringBuilder tenNewAccounts = new StringBuilder();
		for (int i = 2; i <= 11; i++) {
			tenNewAccounts.append(account(i));
		}
		inbox.drop("accounts", HEADER, tenNewAccounts.toString());
	}

	@Test
	void aSurgeIsHeldForReviewWithItsMailsAndOpsAreTold() throws Exception {
		JobExecution surge = this.launcher.run("nightlyJob", SURGE_NIGHT, true);

		assertThat(surge.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long run = surge.getJobInstance().getInstanceId();
		RunReviews.Review review = this.reviews.review(run).orElseThrow();
		assertThat(review.held()).isTrue();
		assertThat(review.newTasks()).isEqualTo(10);
		assertThat(review.nightsCompared()).as("the first night is not compared").isEqualTo(3);
		assertThat(review.medianNewTasks()).isZero();
		assertThat(review.limitNewTasks()).isEqualTo(3);
		assertThat(mails(run, "csm_id IS NOT NULL")).containsOnlyKeys("HELD");
		assertThat(mails(run, "kind = 'OPS'")).containsOnlyKeys("SENT");
		assertThat(this.jdbc.queryForObject("SELECT subject FROM mail_outbox WHERE kind = 'OPS'", String.class))
			.contains("Run held for review: nightlyJob " + SURGE_NIGHT + ", 10 new tasks")
			.contains("確認待ちで保留");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE created_run = ?", Integer.class, run))
			.as("everything is recorded")
			.isEqualTo(10);
		this.mvc.perform(get("/api/runs/held").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].execution").value(surge.getId()))
			.andExpect(jsonPath("$[0].newTasks").value(10));
		this.mvc.perform(get("/api/runs/" + surge.getId()).with(this.ops.basic()))
			.andExpect(jsonPath("$.outcomes.attention.surgeGuard.held").value(true));
	}

	@Test
	void releasingAHeldRunSendsItsMailsOnce() throws Exception {
		JobExecution surge = this.launcher.run("nightlyJob", SURGE_NIGHT, true);
		long run = surge.getJobInstance().getInstanceId();
		assertThat(this.reviews.review(run)).get()
			.satisfies((review) -> assertThat(review.isAwaitingDecision()).as(review.summary()).isTrue());

		this.mvc.perform(post("/api/runs/" + surge.getId() + "/release").with(this.ops.basic()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.review.decision").value("RELEASED"))
			.andExpect(jsonPath("$.review.decidedBy").value(this.ops.username()))
			.andExpect(jsonPath("$.mails").value(1))
			.andExpect(jsonPath("$.mailsSent").value(1));

		assertThat(mails(run, "csm_id IS NOT NULL")).containsOnlyKeys("SENT");
		this.mvc.perform(post("/api/runs/" + surge.getId() + "/release").with(this.ops.basic()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("released by " + this.ops.username() + " already")));
		assertThat(this.reviews.awaitingDecision()).isEmpty();
	}

	@Test
	void discardingAHeldRunSendsNothingAndClosesItsNewTasks() throws Exception {
		JobExecution surge = this.launcher.run("nightlyJob", SURGE_NIGHT, true);
		long run = surge.getJobInstance().getInstanceId();

		this.mvc
			.perform(post("/api/runs/" + surge.getId() + "/discard").with(this.ops.basic())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"the accounts feed was a test export\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tasksClosed").value(10));

		assertThat(mails(run, "csm_id IS NOT NULL")).containsOnlyKeys("DISCARDED");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM tasks WHERE created_run = ?", String.class, run))
			.containsExactly("AUTO_CLOSED");
		assertThat(this.jdbc.queryForObject("SELECT close_reason FROM tasks WHERE created_run = ? LIMIT 1",
				String.class, run))
			.contains("the accounts feed was a test export");
		// the task of the quiet nights is untouched
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE status = 'OPEN'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aQuietNightIsNotHeldAndACsmCannotReleaseAnything() throws Exception {
		long quiet = this.jdbc.queryForObject("SELECT run_id FROM run_reviews WHERE run_date = ?", Long.class,
				FIRST_NIGHT.plusDays(3));
		RunReviews.Review review = this.reviews.review(quiet).orElseThrow();
		assertThat(review.held()).isFalse();
		assertThat(review.summary()).isEqualTo("0 new tasks; fewer than 3 earlier nights to compare with");
		assertThatThrownBy(() -> this.reviews.release(quiet, "ops"))
			.isInstanceOf(RunReviews.NotAwaitingDecisionException.class)
			.hasMessageContaining("was not held for review");
		assertThat(this.reviews
			.review(this.jdbc.queryForObject("SELECT run_id FROM run_reviews WHERE run_date = ?", Long.class,
					FIRST_NIGHT))
			.orElseThrow()
			.summary()).contains("the portfolio's first night: not compared");

		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		this.mvc.perform(get("/api/runs/held").with(users.csmUser("misaki.sato@example.com").basic()))
			.andExpect(status().isForbidden());
	}

	private Map<String, Integer> mails(long run, String condition) {
		Map<String, Integer> byStatus = new java.util.TreeMap<>();
		this.jdbc.query("SELECT status, COUNT(*) AS mails FROM mail_outbox WHERE run_id = ? AND " + condition
				+ " GROUP BY status", (rs) -> {
					byStatus.put(rs.getString("status"), rs.getInt("mails"));
				}, run);
		assertThat(byStatus).as("mails of run " + run + " where " + condition).isNotEmpty();
		return byStatus;
	}

	private static String account(int i) {
		return "ACC-" + i + ",Account " + i + ",smb,retail,misaki.sato@example.com,adoption,2025-01-01,2025-02-01\n";
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

}
