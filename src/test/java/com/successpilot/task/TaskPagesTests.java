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
			.andExpect(content().string(containsString("あなたの未対応タスク")))
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
