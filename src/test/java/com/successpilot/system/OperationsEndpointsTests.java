package com.successpilot.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health, info and Prometheus metrics as a monitoring system and an operator see them.
 */
@SuccessPilotTest
class OperationsEndpointsTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	RunLauncher launcher;

	@Autowired
	ImportDefinition definition;

	@Autowired
	LiveRuleSet liveRuleSet;

	@Autowired
	MutableClock clock;

	TestUsers users;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
		// files other tests left in the shared inbox must not fail this run's import
		new TestInbox(this.definition).empty();
	}

	@Test
	void prometheusShowsRunDurationsAccountsEvaluatedTasksCreatedAndMailsAfterANightlyRun() throws Exception {
		DemoPortfolio.generate(this.definition.inbox(), 40, NIGHT, 42);
		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long created = this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE created_run = ?", Long.class,
				run.getJobInstance().getInstanceId());
		assertThat(created).isPositive();

		String scrape = this.mvc.perform(get("/actuator/prometheus").with(this.users.ops().basic()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(scrape).containsPattern(
				"spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"nightlyJob\"[^}]*spring_batch_job_status=\"COMPLETED\"[^}]*} [1-9]")
			.containsPattern("successpilot_accounts_evaluated_total\\{job=\"nightlyJob\"} [1-9]")
			.contains("successpilot_new_tasks_total{job=\"nightlyJob\"}")
			.contains("successpilot_mails{status=\"pending\"}")
			.contains("successpilot_mails{status=\"failed\"}")
			.contains("successpilot_mails{status=\"unknown\"}");
		assertThat(sample(scrape, "successpilot_accounts_evaluated_total{job=\"nightlyJob\"}"))
			.isGreaterThanOrEqualTo(40);
		assertThat(sample(scrape, "successpilot_new_tasks_total{job=\"nightlyJob\"}")).isGreaterThanOrEqualTo(created);
	}

	@Test
	void mailGaugesCountTheOutboxByStateAtMostEveryFewSeconds() throws Exception {
		// counted afresh: whatever an earlier scrape counted is older than the cache
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(sample(scrape(), "successpilot_mails{status=\"failed\"}")).isZero();
		this.jdbc.update("INSERT INTO csms (email, name) VALUES ('misaki.sato@example.com', 'Misaki')");
		long csm = this.jdbc.queryForObject("SELECT id FROM csms", Long.class);
		Timestamp now = Timestamp.valueOf(this.clock.localNow());
		for (String status : new String[] { "FAILED", "FAILED", "UNKNOWN", "SENT" }) {
			this.jdbc.update(
					"""
							INSERT INTO mail_outbox (mail_key, kind, csm_id, run_id, run_date, status, attempts, next_attempt_at,
							  created_at, updated_at)
							VALUES (?, 'DIGEST', ?, 1, ?, ?, 1, ?, ?, ?)
							""",
					"test:" + status + ":" + System.nanoTime(), csm, NIGHT, status, now, now, now);
		}
		// the counts are kept for five seconds however often Prometheus scrapes
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(sample(scrape(), "successpilot_mails{status=\"failed\"}")).isZero();
		this.clock.advance(Duration.ofSeconds(2));

		String scrape = scrape();

		assertThat(sample(scrape, "successpilot_mails{status=\"failed\"}")).isEqualTo(2);
		assertThat(sample(scrape, "successpilot_mails{status=\"unknown\"}")).isEqualTo(1);
		assertThat(sample(scrape, "successpilot_mails{status=\"pending\"}")).isZero();
	}

	@Test
	void healthIsPublicButOnlyOpsSeeItsComponents() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.users.csm("misaki.sato@example.com", "Misaki");
		this.mvc.perform(get("/actuator/health").with(this.users.csmUser("misaki.sato@example.com").basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());

		for (SignIn operator : new SignIn[] { this.users.ops(), this.users.admin() }) {
			this.mvc.perform(get("/actuator/health").with(operator.basic()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.components.db.status").value("UP"))
				.andExpect(jsonPath("$.components.mail.status").value("UP"))
				.andExpect(jsonPath("$.components.mail.details.transport").value("eml files"))
				.andExpect(jsonPath("$.components.rules.status").value("UP"))
				.andExpect(jsonPath("$.components.rules.details.version").value(this.liveRuleSet.current().version()));
		}
	}

	@Test
	void infoShowsTheApplicationVersionRulesVersionAndDatabase() throws Exception {
		this.liveRuleSet.reload();

		this.mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.build.version", matchesPattern("\\d+\\.\\d+\\.\\d+.*")))
			.andExpect(jsonPath("$.rules.version").value(this.liveRuleSet.current().version()))
			.andExpect(jsonPath("$.rules.loadedAt").isNotEmpty())
			.andExpect(jsonPath("$.database.product").isNotEmpty());
	}

	@Test
	void metricsEndpointListsTheApplicationsMeters() throws Exception {
		this.mvc.perform(get("/actuator/metrics").with(this.users.ops().basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("successpilot.mails")));
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus").with(this.users.ops().basic()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static double sample(String scrape, String series) {
		return scrape.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sample " + series + " in\n" + scrape));
	}

}
