package com.successpilot.task;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages a CSM reaches from a mail: sign in, see the task and why, act on it.
 */
@SuccessPilotTest
class TaskPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	SignIn misaki;

	long misakisTask;

	long kentasTask;

	@BeforeEach
	void twoCsmsWithATaskEach() {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		long misakiCsm = users.csm("misaki@example.com", "Misaki Ito");
		long kentaCsm = users.csm("kenta@example.com", "Kenta Mori");
		this.misaki = users.csmUser("misaki@example.com");
		this.misakisTask = portfolio.openTask(portfolio.account("ACC-1", "株式会社さくら", "enterprise", misakiCsm),
				misakiCsm);
		this.kentasTask = portfolio.openTask(portfolio.account("ACC-2", "Kenta Corp", "smb", kentaCsm), kentaCsm);
	}

	@Test
	void mailLinkLeadsThroughTheLoginBackToTheTask() throws Exception {
		this.mvc.perform(get("/tasks/" + this.misakisTask).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		MockHttpSession session = signIn(this.misaki);

		this.mvc.perform(get("/tasks/" + this.misakisTask).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("株式会社さくら")))
			.andExpect(content().string(containsString("No first value after 60 days (we expect 30).")))
			.andExpect(content().string(containsString("<th>Days since the start</th><td>60</td>")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aJapaneseCsmReadsThePagesInJapaneseWithTheThresholdsProvenance() throws Exception {
		this.jdbc.update("UPDATE csms SET language = 'ja' WHERE email = 'misaki@example.com'");
		MockHttpSession session = signIn(this.misaki);

		this.mvc.perform(get("/tasks").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>あなたのタスク</h1>")))
			.andExpect(content().string(containsString("<html lang=\"ja\"")));
		this.mvc.perform(get("/tasks/" + this.misakisTask).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th>利用開始からの日数</th><td>60</td>")))
			.andExpect(content().string(containsString("事実としきい値")))
			.andExpect(content().string(not(containsString("Facts and thresholds"))));
	}

	@Test
	void heldBackTasksAreCountedOnTheListAndShownOnRequest() throws Exception {
		this.jdbc.update("UPDATE tasks SET status = 'QUEUED', delivered_run = 0 WHERE id = ?", this.misakisTask);
		MockHttpSession session = signIn(this.misaki);

		this.mvc.perform(get("/tasks").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 more waiting")))
			.andExpect(content().string(not(containsString("株式会社さくら"))));
		this.mvc.perform(get("/tasks?status=QUEUED").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waiting for capacity")))
			.andExpect(content().string(containsString("株式会社さくら")));
	}

	@Test
	void csmListsOnlyTheirOwnTasks() throws Exception {
		this.mvc.perform(get("/tasks").session(signIn(this.misaki)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("株式会社さくら")))
			.andExpect(content().string(not(containsString("Kenta Corp"))));
	}

	@Test
	void anotherCsmsTaskIsNotFound() throws Exception {
		this.mvc.perform(get("/tasks/" + this.kentasTask).session(signIn(this.misaki)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Kenta Corp"))));
		this.mvc.perform(post("/tasks/" + this.kentasTask + "/done").session(signIn(this.misaki)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(taskStatus(this.kentasTask)).isEqualTo("OPEN");
	}

	@Test
	void doneFromThePageIsRecordedWithWhoDidIt() throws Exception {
		MockHttpSession session = signIn(this.misaki);
		this.mvc
			.perform(post("/tasks/" + this.misakisTask + "/done").session(session)
				.with(csrf())
				.param("note", "Sponsor called"))
			.andExpect(redirectedUrl("/tasks/" + this.misakisTask))
			.andExpect(flash().attribute("notice", "Marked done."));
		assertThat(taskStatus(this.misakisTask)).isEqualTo("DONE");
		assertThat(this.jdbc.queryForObject("SELECT actor FROM task_events WHERE task_id = ?", String.class,
				this.misakisTask))
			.isEqualTo(this.misaki.username());
	}

	@Test
	void formWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/tasks/" + this.misakisTask + "/done").session(signIn(this.misaki)))
			.andExpect(status().isForbidden());
		assertThat(taskStatus(this.misakisTask)).isEqualTo("OPEN");
	}

	@Test
	void aRefusedActionIsExplainedOnThePage() throws Exception {
		MockHttpSession session = signIn(this.misaki);
		this.mvc
			.perform(post("/tasks/" + this.misakisTask + "/dismiss").session(session).with(csrf()).param("reason", ""))
			.andExpect(redirectedUrl("/tasks/" + this.misakisTask))
			.andExpect(flash().attribute("problem", containsString("reason")));
		assertThat(taskStatus(this.misakisTask)).isEqualTo("OPEN");
	}

	@Test
	void theListFiltersByStatusPriorityDueAndAccountNameAndPages() throws Exception {
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		long misakiCsm = this.jdbc.queryForObject("SELECT id FROM csms WHERE email = 'misaki@example.com'", Long.class);
		long tsubaki = portfolio.account("ACC-3", "椿商事", "smb", misakiCsm);
		java.time.LocalDate today = java.time.LocalDate.now(this.clock);
		portfolio.task(tsubaki, misakiCsm, "renewal-check", "renewal", "low", today.minusDays(2), "OPEN");
		portfolio.task(tsubaki, misakiCsm, "renewal-check", "renewal", "medium", today, "DONE");
		for (int i = 0; i < 55; i++) {
			portfolio.task(tsubaki, misakiCsm, "usage-decline-rescue", "risk", "medium", today.plusDays(20), "OPEN");
		}
		MockHttpSession session = signIn(this.misaki);

		this.mvc.perform(get("/tasks").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("57 tasks match")))
			.andExpect(content().string(containsString("page 1 of 2")))
			.andExpect(content().string(containsString("href=\"/tasks?page=1\"")));
		this.mvc.perform(get("/tasks?page=1").session(session))
			.andExpect(content().string(containsString("page 2 of 2")));
		this.mvc.perform(get("/tasks?due=overdue").session(session))
			.andExpect(content().string(containsString("1 task matches")))
			.andExpect(content().string(containsString("椿商事")));
		this.mvc.perform(get("/tasks?status=DONE&account=椿").session(session))
			.andExpect(content().string(containsString("1 task matches")));
		this.mvc.perform(get("/tasks?priority=high&account=さくら").session(session))
			.andExpect(content().string(containsString("1 task matches")))
			.andExpect(content().string(containsString("株式会社さくら")));
		this.mvc.perform(get("/tasks?due=range&from=" + today + "&to=" + today.plusDays(3)).session(session))
			.andExpect(content().string(containsString("1 task matches")));
		// a CSM's own scope whatever the csm parameter says
		long kentaCsm = this.jdbc.queryForObject("SELECT id FROM csms WHERE email = 'kenta@example.com'", Long.class);
		this.mvc.perform(get("/tasks?csm=" + kentaCsm).session(session))
			.andExpect(content().string(not(containsString("Kenta Corp"))))
			.andExpect(content().string(containsString("57 tasks match")));
	}

	@Test
	void aFilterThePageDoesNotOfferIsAProblemOnThePage() throws Exception {
		MockHttpSession session = signIn(this.misaki);
		this.mvc.perform(get("/tasks?due=soon").session(session))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The due filter has the unknown value &#39;soon&#39;")));
		this.mvc.perform(get("/tasks?due=range&from=2026-13-01").session(session))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a date (YYYY-MM-DD)")));
		this.mvc.perform(get("/tasks?status=LOST").session(session))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("LOST")));
	}

	@Test
	void opsReassignsAndDismissesInBulkAndEachTaskRecordsIt() throws Exception {
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		long kentaCsm = this.jdbc.queryForObject("SELECT id FROM csms WHERE email = 'kenta@example.com'", Long.class);
		MockHttpSession ops = signIn(users.ops());

		this.mvc
			.perform(post("/tasks/bulk/reassign").session(ops)
				.with(csrf())
				.param("ids", String.valueOf(this.misakisTask))
				.param("csm", String.valueOf(kentaCsm))
				.param("back", "/tasks?priority=high"))
			.andExpect(redirectedUrl("/tasks?priority=high"))
			.andExpect(flash().attribute("notice", "1 task reassigned to Kenta Mori."));
		assertThat(this.jdbc.queryForObject("SELECT note FROM task_events WHERE task_id = ? AND action = 'REASSIGN'",
				String.class, this.misakisTask))
			.isEqualTo("Kenta Mori <kenta@example.com>");
		// now Kenta's, not Misaki's any more
		this.mvc.perform(get("/tasks/" + this.misakisTask).session(signIn(this.misaki)))
			.andExpect(status().isNotFound());
		SignIn kenta = users.csmUser("kenta@example.com");
		this.mvc.perform(get("/tasks").session(signIn(kenta))).andExpect(content().string(containsString("株式会社さくら")));

		this.mvc
			.perform(post("/tasks/bulk/dismiss").session(ops)
				.with(csrf())
				.param("ids", String.valueOf(this.misakisTask), String.valueOf(this.kentasTask))
				.param("reason", "Handled in the quarterly review")
				.param("back", "https://elsewhere.example.com/"))
			.andExpect(redirectedUrl("/tasks"))
			.andExpect(flash().attribute("notice", "2 tasks dismissed."));
		assertThat(taskStatus(this.misakisTask)).isEqualTo("DISMISSED");
		assertThat(taskStatus(this.kentasTask)).isEqualTo("DISMISSED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM task_events WHERE action = 'DISMISS' AND note = ?",
				Integer.class, "Handled in the quarterly review"))
			.isEqualTo(2);

		this.mvc
			.perform(post("/tasks/bulk/dismiss").session(ops)
				.with(csrf())
				.param("ids", String.valueOf(this.kentasTask))
				.param("reason", "again"))
			.andExpect(flash().attribute("notice", "No task dismissed. 1 task was already closed: left unchanged."));
		this.mvc.perform(post("/tasks/bulk/dismiss").session(ops).with(csrf()).param("reason", "nothing selected"))
			.andExpect(flash().attribute("problem", "Select at least one task first."));
	}

	@Test
	void aCsmGetsNoBulkControlsAndCannotActInBulk() throws Exception {
		MockHttpSession session = signIn(this.misaki);
		this.mvc.perform(get("/tasks").session(session)).andExpect(content().string(not(containsString("bulk"))));
		this.mvc
			.perform(post("/tasks/bulk/dismiss").session(session)
				.with(csrf())
				.param("ids", String.valueOf(this.kentasTask), String.valueOf(this.misakisTask))
				.param("reason", "not mine"))
			.andExpect(status().isForbidden());
		assertThat(taskStatus(this.kentasTask)).isEqualTo("OPEN");
		assertThat(taskStatus(this.misakisTask)).isEqualTo("OPEN");
		this.mvc
			.perform(post("/tasks/bulk/reassign").session(signIn(new TestUsers(this.userAccounts, this.jdbc).ops()))
				.param("ids", String.valueOf(this.kentasTask))
				.param("csm", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theTaskPageShowsThePlaybooksStepsAndHistoryInWords() throws Exception {
		this.jdbc.update("UPDATE tasks SET playbook = 'onboarding-first-value-rescue' WHERE id = ?", this.misakisTask);
		MockHttpSession session = signIn(this.misaki);
		this.mvc.perform(post("/tasks/" + this.misakisTask + "/snooze").session(session)
			.with(csrf())
			.param("until", java.time.LocalDate.now(this.clock).plusDays(2).toString()));
		this.mvc.perform(get("/tasks/" + this.misakisTask).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Steps of the playbook")))
			.andExpect(content().string(containsString("Call the sponsor and agree on one small outcome")))
			.andExpect(content().string(containsString("<td data-label=\"what\">snoozed</td>")))
			.andExpect(content().string(containsString("when (" + this.clock.getZone().getId() + ")")))
			.andExpect(content().string(not(containsString("facts."))));
	}

	private String taskStatus(long task) {
		return this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, task);
	}

	private MockHttpSession signIn(SignIn user) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", user.username()).param("password", user.password()).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
