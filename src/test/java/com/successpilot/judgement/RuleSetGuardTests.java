package com.successpilot.judgement;

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
 * account: refuse to start, or record the error and judge everyone else.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class RuleSetGuardTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
	}

	@Test
	void invalidRuleSetRefusesTheRunBeforeAnythingIsImported() throws Exception {
		useRules("broken");
		dropFeed("csms", "email,name\nmisaki.sato@example.com,佐藤 美咲\n");

		assertThatThrownBy(() -> this.launcher.run("nightlyJob", NIGHT, true)).isInstanceOf(RunRefusedException.class)
			.hasMessageContaining("is invalid, so the run did not start")
			.hasMessageContaining("syntax.drl:")
			.hasMessageContaining("unknown-playbook.drl:");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM csms", Integer.class)).isZero();
		assertThat(this.definition.inbox().resolve("csms")).isNotEmptyDirectory();
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

	private void useRules(String fixture) throws IOException {
		JudgementRulesDirectory.fillWith(Path.of("src", "test", "resources", "rules-fixtures", fixture));
	}

	private void dropFeed(String feed, String content) {
		int newline = content.indexOf('\n');
		new TestInbox(this.definition).drop(feed, content.substring(0, newline), content.substring(newline + 1));
	}

}
