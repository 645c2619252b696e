package com.successpilot.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/accounts/{id}/thresholds}: every catalogued threshold with its effective
 * value and source, removal of an agreed value by OPS, and who may do what.
 */
@SuccessPilotTest
class AccountThresholdsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	SignIn ops;

	SignIn misakiUser;

	SignIn kentaUser;

	long alpha;

	@BeforeEach
	void anAccountWithAnAgreedValueAndASegmentDefault() {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		long misaki = users.csm("misaki.sato@example.com", "佐藤 美咲");
		users.csm("kenta.tanaka@example.com", "Kenta Tanaka");
		this.ops = users.ops();
		this.misakiUser = users.csmUser("misaki.sato@example.com");
		this.kentaUser = users.csmUser("kenta.tanaka@example.com");
		this.alpha = new TestPortfolio(this.jdbc, this.clock).account("ACC-1", "Alpha Foods", "enterprise", misaki);
		this.jdbc.update("INSERT INTO segment_thresholds (segment, name, threshold_value) VALUES "
				+ "('enterprise', 'usage_decline_pct', 22), ('smb', 'usage_decline_pct', 30)");
		this.jdbc.update("INSERT INTO account_thresholds (account_id, name, threshold_value, agreed_on, note) "
				+ "VALUES (?, 'usage_decline_pct', 35, DATE '2025-04-09', 'seasonal business')", this.alpha);
	}

	@Test
	void everyCataloguedThresholdIsListedWithItsValueAndWhereItComesFrom() throws Exception {
		this.mvc.perform(get("/api/accounts/" + this.alpha + "/thresholds").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value("ACC-1"))
			.andExpect(jsonPath("$.segment").value("enterprise"))
			.andExpect(jsonPath("$.thresholds", hasSize(12)))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'usage_decline_pct')].value").value(35.0))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'usage_decline_pct')].source").value("account"))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'usage_decline_pct')].agreedOn").value("2025-04-09"))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'usage_decline_pct')].note").value("seasonal business"))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'usage_decline_pct')].unit").value("%"))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'inactive_days_max')].source").value("catalogue"))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'inactive_days_max')].segment").value("enterprise"))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'inactive_days_max')].value").value(7.0))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'inactive_days_max')].description.ja")
				.value(contains(containsString("非アクティブ"))));
	}

	@Test
	void opsRemoveAnAgreedValueAndTheSegmentDefaultApplies() throws Exception {
		this.mvc.perform(delete("/api/accounts/" + this.alpha + "/thresholds/usage_decline_pct").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removed.value").value(35.0))
			.andExpect(jsonPath("$.removed.agreedOn").value("2025-04-09"))
			.andExpect(jsonPath("$.removedBy").value(this.ops.username()))
			.andExpect(jsonPath("$.nowApplies.source").value("segment"))
			.andExpect(jsonPath("$.nowApplies.segment").value("enterprise"))
			.andExpect(jsonPath("$.nowApplies.value").value(22.0));

		this.mvc.perform(get("/api/accounts/" + this.alpha + "/thresholds").with(this.ops.basic()))
			.andExpect(jsonPath("$.thresholds[?(@.name == 'usage_decline_pct')].source").value("segment"));
		assertThat(this.jdbc.queryForMap("SELECT name, removed_by, removed_via FROM account_threshold_removals"))
			.containsEntry("name", "usage_decline_pct")
			.containsEntry("removed_by", this.ops.username())
			.containsEntry("removed_via", "api");
		this.mvc.perform(delete("/api/accounts/" + this.alpha + "/thresholds/usage_decline_pct").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("no value agreed for threshold 'usage_decline_pct'")));
	}

	@Test
	void aCsmReadsOnlyTheirOwnAccountsThresholdsAndRemovesNone() throws Exception {
		this.mvc.perform(get("/api/accounts/" + this.alpha + "/thresholds").with(this.misakiUser.basic()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/accounts/" + this.alpha + "/thresholds").with(this.kentaUser.basic()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(delete("/api/accounts/" + this.alpha + "/thresholds/usage_decline_pct")
				.with(this.kentaUser.basic()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(delete("/api/accounts/" + this.alpha + "/thresholds/usage_decline_pct")
				.with(this.misakiUser.basic()))
			.andExpect(status().isForbidden());

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_thresholds", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_threshold_removals", Integer.class)).isZero();
	}

}
