package com.successpilot.judgement;

import java.time.Clock;

import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.TestUsers;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSetVersions;
import com.successpilot.security.UserAccounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunPreflight.RunRefusedException;

/**
 * What a run does with a rule set that is broken, or with a rule that fails for one
 * account: run on the last good version and say so (refuse to start when there is none),
 * or record the error and judge everyone else.
 */
@SuccessPilotTest
@TestPropertySource(properties = { "successpilot.rules.dir=" + JudgementRulesDirectory.DIR,
		"successpilot.mail.ops-recipients=cs-ops@example.com" })
class RuleSetGuardTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	LiveRuleSet live;

	@Autowired
	RuleSetVersions versions;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
	}

	@Test
	void invalidRuleSetWithNoEarlierVersionRefusesTheRunBeforeAnythingIsImported() throws Exception {
		useRules("broken");
		// a process that has never had a set in force, on a database where none went live
		RulesPreflight preflight = new RulesPreflight(
				new LiveRuleSet(JudgementRulesDirectory.PATH, this.clock, this.versions));

		assertThatThrownBy(() -> preflight.check("nightlyJob")).isInstanceOf(RunRefusedException.class)
			.hasMessageContaining("is invalid and no earlier version has gone live to stand in for it")
			.hasMessageContaining("syntax.drl:")
			.hasMessageContaining("unknown-playbook.drl:");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM csms", Integer.class)).isZero();
	}

	@Test
	void aBrokenRulesDirectoryAtRunTimeRunsTheNightOnTheLastGoodVersionAndSaysSo() throws Exception {
		useRules("valid");
		dropFeed("csms", "email,name\nmisaki.sato@example.com,佐藤 美咲\n");
		JobExecution first = this.launcher.run("nightlyJob", NIGHT, true);
		String good = this.live.current().version();
		useRules("broken");

		JobExecution second = this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long run = second.getJobInstance().getInstanceId();
		assertThat(
				this.jdbc.queryForObject("SELECT rules_version FROM judged_runs WHERE run_id = ?", String.class, run))
			.isEqualTo(good);
		assertThat(this.jdbc.queryForObject("SELECT last_good_because FROM judged_runs WHERE run_id = ?", String.class,
				run))
			.startsWith("ran on last good version " + good + " because the files in ")
			.contains("syntax.drl:");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rules_version FROM rule_firings WHERE run_id = ?",
				String.class, run))
			.containsExactly(good);
		var ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		this.mvc.perform(get("/actuator/health/rules").with(ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DEGRADED"))
			.andExpect(jsonPath("$.details.version").value(good))
			.andExpect(jsonPath("$.details.errors", hasItem(containsString("syntax.drl:"))));
		this.mvc.perform(get("/api/runs/" + second.getId()).with(ops.basic()))
			.andExpect(jsonPath("$.outcomes.judgement.lastGood[0].rulesVersion").value(good))
			.andExpect(jsonPath("$.outcomes.judgement.lastGood[0].because",
					containsString("ran on last good version " + good)));
		assertThat(this.jdbc.queryForList("SELECT subject FROM mail_outbox WHERE kind = 'OPS' AND run_id = ?",
				String.class, run))
			.singleElement()
			.satisfies((subject) -> assertThat(subject).contains("judged with the last good version " + good));
	}

	@Test
	void aFreshProcessFindsTheLastGoodVersionInTheDatabase() throws Exception {
		useRules("valid");
		String good = this.live.reload().version();
		useRules("broken");

		LiveRuleSet freshProcess = new LiveRuleSet(JudgementRulesDirectory.PATH, this.clock, this.versions);

		assertThat(freshProcess.current().version()).isEqualTo(good);
		assertThat(freshProcess.status().lastGoodInForce()).isTrue();
		assertThat(freshProcess.status().lastAttempt().report().isValid()).isFalse();
	}

	@Test
	void aRuleThatFailsForOneAccountIsRecordedAndEveryOtherAccountIsJudged() throws Exception {
		useRules("throwing");
		dropFeed("csms", "email,name\nmisaki.sato@example.com,佐藤 美咲\n");
		dropFeed("accounts", """
				account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date
				ACC-1,Broken Corp,smb,retail,misaki.sato@example.com,adoption,2025-01-01,2025-02-01
				ACC-2,Healthy Inc,smb,retail,misaki.sato@example.com,adoption,2025-01-01,2025-02-01
				""");

		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForMap("""
				SELECT a.external_id, e.rule_name, e.message FROM rule_errors e JOIN accounts a ON a.id = e.account_id
				WHERE e.run_id = ?""", run.getJobInstance().getInstanceId())).containsEntry("external_id", "ACC-1")
			.containsEntry("rule_name", "Fails for one account")
			.hasEntrySatisfying("message",
					(message) -> assertThat((String) message).contains("cannot judge Broken Corp"));
		assertThat(this.jdbc.queryForList("""
				SELECT a.external_id FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE t.playbook = 'check-in'
				""", String.class)).contains("ACC-2");
	}

	@Test
	void aTaskKeepsTheVersionThatCreatedItAndTheVersionThatLastSawIt() throws Exception {
		useRules("throwing");
		dropFeed("csms", "email,name\nmisaki.sato@example.com,佐藤 美咲\n");
		dropFeed("accounts", """
				account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date
				ACC-2,Healthy Inc,smb,retail,misaki.sato@example.com,adoption,2025-01-01,2025-02-01
				""");
		this.launcher.run("nightlyJob", NIGHT, true);
		String created = this.live.current().version();
		java.nio.file.Files.writeString(JudgementRulesDirectory.PATH.resolve("failing.drl"),
				"\n// a comment: a new version, the same rules\n", java.nio.file.StandardOpenOption.APPEND);

		this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		String lastSeen = this.live.current().version();
		assertThat(lastSeen).isNotEqualTo(created);
		assertThat(this.jdbc
			.queryForMap("SELECT created_rules_version, rules_version FROM tasks WHERE playbook = 'check-in'"))
			.containsEntry("created_rules_version", created)
			.containsEntry("rules_version", lastSeen);
	}

	private void useRules(String fixture) throws IOException {
		JudgementRulesDirectory.fillWith(Path.of("src", "test", "resources", "rules-fixtures", fixture));
	}

	private void dropFeed(String feed, String content) {
		int newline = content.indexOf('\n');
		new TestInbox(this.definition).drop(feed, content.substring(0, newline), content.substring(newline + 1));
	}

}
