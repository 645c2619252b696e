package com.successpilot.judgement;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every task says which threshold it was judged against and where that value comes from:
 * agreed with the customer (when, why) or the segment's default. Removing the agreed
 * value (feed or API) puts the account back on the segment default from the next night.
 */
@SuccessPilotTest
class ThresholdProvenanceTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String RESCUE = "onboarding-first-value-rescue";

	private static final String AGREED = "\"thresholdSources\":{\"first_value_days\":{\"source\":\"account\","
			+ "\"agreedOn\":\"2025-04-09\",\"note\":\"seasonal business\"}}";

	private static final String SEGMENT_DEFAULT = "\"thresholdSources\":{\"first_value_days\":"
			+ "{\"source\":\"segment\",\"segment\":\"smb\"}}";

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

	TestInbox inbox;

	@BeforeEach
	void twoStalledOnboardingsOneWithAnAgreedWindow() {
		TestData.deleteAll(this.jdbc);
		this.inbox = new TestInbox(this.definition);
		new Portfolio(this.definition).stalledOnboarding(2, NIGHT);
		this.inbox.drop("account-thresholds", "account_id,threshold,value,agreed_on,note",
				"ACC-1,first_value_days,45,2025-04-09,seasonal business\n");
	}

	@Test
	void theWhySaysWhetherTheValueWasAgreedWithTheCustomerOrIsTheSegmentDefault() throws Exception {
		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(evidenceOf("ACC-1")).contains("\"first_value_days\":45.0").contains(AGREED);
		assertThat(evidenceOf("ACC-2")).contains("\"first_value_days\":30.0").contains(SEGMENT_DEFAULT);
	}

	@Test
	void anAgreedValueRemovedByTheFeedGivesWayToTheSegmentDefaultTheNextNight() throws Exception {
		this.launcher.run("nightlyJob", NIGHT, true);
		assertThat(evidenceOf("ACC-1")).contains(AGREED);

		this.inbox.drop("account-thresholds", "account_id,threshold,value,agreed_on,note,action",
				"ACC-1,first_value_days,,,,remove\n");
		assertThat(this.launcher.run("nightlyJob", NIGHT.plusDays(1), true).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);

		assertThat(evidenceOf("ACC-1")).contains("\"first_value_days\":30.0").contains(SEGMENT_DEFAULT);
	}

	@Test
	void anAgreedValueRemovedThroughTheApiGivesWayToTheSegmentDefaultTheNextNight() throws Exception {
		this.launcher.run("nightlyJob", NIGHT, true);
		long account = this.jdbc.queryForObject("SELECT id FROM accounts WHERE external_id = 'ACC-1'", Long.class);
		TestUsers.SignIn ops = new TestUsers(this.userAccounts, this.jdbc).ops();

		this.mvc.perform(delete("/api/accounts/" + account + "/thresholds/first_value_days").with(ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removed.value").value(45.0))
			.andExpect(jsonPath("$.removed.note").value("seasonal business"))
			.andExpect(jsonPath("$.removedBy").value(ops.username()))
			.andExpect(jsonPath("$.nowApplies.source").value("segment"))
			.andExpect(jsonPath("$.nowApplies.value").value(30.0));
		assertThat(evidenceOf("ACC-1")).as("tonight's tasks stay as judged").contains(AGREED);
		assertThat(this.launcher.run("nightlyJob", NIGHT.plusDays(1), true).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);

		assertThat(evidenceOf("ACC-1")).contains("\"first_value_days\":30.0").contains(SEGMENT_DEFAULT);
		assertThat(this.jdbc.queryForMap("SELECT removed_by, removed_via FROM account_threshold_removals"))
			.containsEntry("removed_by", ops.username())
			.containsEntry("removed_via", "api");
	}

	private String evidenceOf(String accountId) {
		return this.jdbc.queryForObject("""
				SELECT DISTINCT t.evidence FROM tasks t JOIN accounts a ON a.id = t.account_id
				WHERE a.external_id = ? AND t.playbook = ? AND t.status = 'OPEN'
				""", String.class, accountId, RESCUE);
	}

}
