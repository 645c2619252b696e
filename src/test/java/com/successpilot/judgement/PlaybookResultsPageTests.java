package com.successpilot.judgement;

import java.sql.Timestamp;
import java.time.LocalDateTime;

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
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The playbook results page: raised, delivered, done, dismissed with reasons, recovered
 * (done and not raised again within N days), time to done — per playbook and rules
 * version, the weakest recovery first; OPS only.
 */
@SuccessPilotTest
class PlaybookResultsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	TestUsers users;

	TestPortfolio portfolio;

	long csm;

	@BeforeEach
	void tasksOfThreePlaybooks() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
		this.portfolio = new TestPortfolio(this.jdbc, this.clock);
		this.csm = this.users.csm("misaki@example.com", "Misaki Ito");
		long a1 = account(1);
		long a2 = account(2);
		long a3 = account(3);
		long a4 = account(4);
		// usage-decline-rescue: one recovered, one raised again 6 days after done, one
		// done too recently, one dismissed; the task raised again is held back
		task(a1, "usage-decline-rescue", "DONE", 20, 18, true, null);
		task(a2, "usage-decline-rescue", "DONE", 20, 16, true, null);
		task(a2, "usage-decline-rescue", "OPEN", 10, null, false, null);
		task(a3, "usage-decline-rescue", "DONE", 3, 2, true, null);
		task(a4, "usage-decline-rescue", "DISMISSED", 5, 4, true, "Already in contact");
		// escalation-recovery: recovered once, so 100%
		task(a1, "escalation-recovery", "DONE", 25, 24, true, null);
		// onboarding-first-value-rescue raises once per account ever: no rate
		task(a3, "onboarding-first-value-rescue", "DONE", 25, 20, true, null);
		// long before the period
		task(a4, "escalation-recovery", "DONE", 100, 99, true, null);
	}

	@Test
	void eachPlaybookShowsItsNumbersTheWeakestRecoveryFirst() throws Exception {
		String page = page("/results");

		long raised = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE playbook = 'usage-decline-rescue' AND created_on >= ?", Long.class,
				java.sql.Date.valueOf(today().minusDays(30)));
		assertThat(raised).isEqualTo(5);
		String usage = row(page, "usage-decline-rescue");
		assertThat(usage).contains("data-field=\"raised\"").contains(">" + raised + "<");
		assertThat(cell(usage, "delivered")).isEqualTo("4");
		assertThat(cell(usage, "done")).isEqualTo("3");
		assertThat(usage).contains("Already in contact (1)");
		assertThat(cell(usage, "recovered")).isEqualTo("1 · 1 · 1");
		assertThat(cell(usage, "rate")).isEqualTo("50.0%");
		assertThat(cell(usage, "timeToDone")).isEqualTo("2.0 days");
		assertThat(cell(row(page, "escalation-recovery"), "raised")).as("the task 100 days ago is outside")
			.isEqualTo("1");
		assertThat(cell(row(page, "onboarding-first-value-rescue"), "recovered"))
			.isEqualTo("cannot be seen (raised once per account)");
		assertThat(page.indexOf("data-playbook=\"usage-decline-rescue\""))
			.isLessThan(page.indexOf("data-playbook=\"escalation-recovery\""))
			.isLessThan(page.indexOf("data-playbook=\"onboarding-first-value-rescue\""));

		String ninety = page("/results?days=90&within=7");
		assertThat(cell(row(ninety, "escalation-recovery"), "raised")).isEqualTo("1");
		// within 7 days the task raised again 6 days after done still counts as raised
		// again
		assertThat(cell(row(ninety, "usage-decline-rescue"), "recovered")).isEqualTo("1 · 1 · 1");
	}

	/**
	 * 240 done tasks, 60 of each kind: raised again 3 days after done, raised again 9
	 * days after done, never raised again, done too recently; each kind taking 1 to 60
	 * hours to done. Counted by the database, not task by task.
	 */
	@Test
	void manyDoneTasksAreJudgedByTheDatabaseWithTheSameDefinition() throws Exception {
		TestData.deleteAll(this.jdbc);
		this.csm = this.users.csm("kenta@example.com", "Kenta Mori");
		for (int i = 0; i < 240; i++) {
			long account = account(100 + i);
			int kind = i % 4;
			int hours = i / 4 + 1;
			LocalDateTime created = now().minusDays((kind == 3) ? 5 : 25);
			LocalDateTime done = created.plusHours(hours);
			task(account, "usage-decline-rescue", "DONE", created, done, null);
			if (kind == 0 || kind == 1) {
				LocalDateTime again = done.plusDays((kind == 0) ? 3 : 9);
				task(account, "usage-decline-rescue", "DISMISSED", again, again.plusHours(1), "Raised again");
			}
		}
		String week = page("/results?within=7");
		String usage = row(week, "usage-decline-rescue");
		assertThat(cell(usage, "raised")).isEqualTo("360");
		assertThat(cell(usage, "done")).isEqualTo("240");
		assertThat(usage).contains("Raised again (120)");
		assertThat(cell(usage, "recovered")).as("recovered · raised again · too early").isEqualTo("120 · 60 · 60");
		assertThat(cell(usage, "rate")).isEqualTo("66.7%");
		// the middle two of 240 durations (each of 1-60 hours four times): 30 and 31
		// hours
		assertThat(cell(usage, "timeToDone")).isEqualTo("1.3 days");

		String fortnight = page("/results?within=14");
		assertThat(cell(row(fortnight, "usage-decline-rescue"), "recovered")).isEqualTo("60 · 120 · 60");
		assertThat(cell(row(fortnight, "usage-decline-rescue"), "rate")).isEqualTo("33.3%");
	}

	@Test
	void aPeriodThatIsNotOfferedIsSaidOnThePage() throws Exception {
		this.mvc.perform(get("/results?days=45").with(this.users.ops().basic()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("“days” must be one of [30, 90], not “45”")));
	}

	@Test
	void aCsmNeverSeesTheResults() throws Exception {
		this.mvc.perform(get("/results").with(this.users.csmUser("misaki@example.com").basic()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("usage-decline-rescue"))));
	}

	@Test
	void theJapanesePageSaysHowRecoveryIsCounted() throws Exception {
		this.mvc.perform(get("/results").with(this.users.ops().basic()).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("プレイブックの成果")))
			.andExpect(content().string(containsString("回復：タスクが完了し")));
	}

	private long account(int i) {
		return this.portfolio.account("ACC-" + i, "Account " + i, "smb", this.csm);
	}

	private void task(long account, String playbook, String status, int createdDaysAgo, Integer doneDaysAgo,
			boolean delivered, String reason) {
		long id = this.portfolio.task(account, this.csm, playbook, "risk", "high", today().plusDays(3), "OPEN");
		LocalDateTime created = now().minusDays(createdDaysAgo);
		this.jdbc.update(
				"UPDATE tasks SET status = ?, active_key = NULL, created_at = ?, created_on = ?, closed_at = ?,"
						+ " close_reason = ?, delivered_run = ? WHERE id = ?",
				status, Timestamp.valueOf(created), java.sql.Date.valueOf(created.toLocalDate()),
				(doneDaysAgo != null) ? Timestamp.valueOf(now().minusDays(doneDaysAgo)) : null, reason,
				delivered ? 5 : 0, id);
	}

	private void task(long account, String playbook, String status, LocalDateTime created, LocalDateTime closed,
			String reason) {
		long id = this.portfolio.task(account, this.csm, playbook, "risk", "high", today().plusDays(3), "OPEN");
		this.jdbc.update(
				"UPDATE tasks SET status = ?, active_key = NULL, created_at = ?, created_on = ?, closed_at = ?,"
						+ " close_reason = ?, delivered_run = 5 WHERE id = ?",
				status, Timestamp.valueOf(created), java.sql.Date.valueOf(created.toLocalDate()),
				Timestamp.valueOf(closed), reason, id);
	}

	private String page(String address) throws Exception {
		return this.mvc.perform(get(address).with(this.users.ops().basic()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String row(String page, String playbook) {
		int start = page.indexOf("data-playbook=\"" + playbook + "\"");
		assertThat(start).as("a row for " + playbook).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String cell(String row, String field) {
		int start = row.indexOf("data-field=\"" + field + "\"");
		assertThat(start).as("a cell " + field).isPositive();
		int open = row.indexOf('>', start) + 1;
		return row.substring(open, row.indexOf('<', open)).trim();
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock);
	}

	private java.time.LocalDate today() {
		return java.time.LocalDate.now(this.clock);
	}

}
