package com.successpilot.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session follows its user (issue 13, point 1): disabling, a role change, a password
 * reset and "sign out everywhere" take effect on the next request of every session
 * already open, and of every remembered HTTP Basic check.
 */
@SuccessPilotTest
class SessionsFollowTheUserTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	@Autowired
	List<Command> commands;

	TestUsers users;

	SignIn admin;

	@BeforeEach
	void users() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
		this.admin = this.users.admin();
	}

	@Test
	void aDisabledUsersOpenSessionEndsAndCannotSnooze() throws Exception {
		long csm = this.users.csm("misaki@example.com", "Misaki Ito");
		SignIn misaki = this.users.csmUser("misaki@example.com");
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		long task = portfolio.openTask(portfolio.account("ACC-1", "株式会社さくら", "enterprise", csm), csm);
		MockHttpSession session = signIn(misaki);
		String csrf = csrfToken(session);
		this.mvc.perform(get("/api/tasks/" + task).session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/api/tasks/" + task).with(misaki.basic())).andExpect(status().isOk());

		change(misaki, "{\"enabled\":false}");

		this.mvc
			.perform(post("/api/tasks/" + task + "/snooze").session(session)
				.header("X-CSRF-TOKEN", csrf)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"until\":\"" + this.clock.today().plusDays(7) + "\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/tasks/" + task + "/snooze").with(misaki.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"until\":\"" + this.clock.today().plusDays(7) + "\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/tasks/" + task).session(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, task))
			.isEqualTo("OPEN");
		assertThat(session.isInvalid()).as("the session ended").isTrue();
	}

	@Test
	void anOpsUserDemotedToCsmNoLongerSeesRuns() throws Exception {
		this.users.csm("kenta@example.com", "Kenta Mori");
		SignIn ops = this.users.ops();
		MockHttpSession session = signIn(ops);
		this.mvc.perform(get("/api/runs").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/api/runs").with(ops.basic())).andExpect(status().isOk());

		change(ops, "{\"role\":\"CSM\",\"csmEmail\":\"kenta@example.com\"}");

		this.mvc.perform(get("/api/runs").session(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/runs").with(ops.basic())).andExpect(status().isForbidden());
		MockHttpSession again = signIn(ops);
		this.mvc.perform(get("/api/me").session(again)).andExpect(jsonPath("$.role").value("CSM"));
		this.mvc.perform(get("/api/runs").session(again)).andExpect(status().isForbidden());
	}

	@Test
	void aPasswordResetEndsTheSessionsSignedInWithTheOldPassword() throws Exception {
		SignIn ops = this.users.ops();
		MockHttpSession session = signIn(ops);
		this.mvc.perform(get("/api/me").with(ops.basic())).andExpect(status().isOk());

		this.mvc.perform(post("/api/users/" + ops.username() + "/password").with(this.admin.basic()))
			.andExpect(status().isOk());

		this.mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/me").with(ops.basic())).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorSignsAUserOutEverywhereByApi() throws Exception {
		SignIn ops = this.users.ops();
		MockHttpSession browser = signIn(ops);
		MockHttpSession laptop = signIn(ops);
		String token = this.mvc
			.perform(post("/api/me/tokens").with(ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"report\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

		this.mvc
			.perform(post("/api/users/" + ops.username() + "/sign-out").with(this.admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"revokeTokens\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tokensRevoked").value(1));

		this.mvc.perform(get("/api/me").session(browser)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/me").session(laptop)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/me").session(signIn(ops))).andExpect(status().isOk());
	}

	@Test
	void signOutEverywhereFromTheCommandLine() throws Exception {
		SignIn ops = this.users.ops();
		MockHttpSession session = signIn(ops);
		this.mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		int exit = command("sign-out-everywhere").run(
				new CommandArguments(new DefaultApplicationArguments("sign-out-everywhere",
						"--username=" + ops.username().toUpperCase())),
				new PrintStream(printed, true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8))
			.contains("Every session of " + ops.username() + " ends on its next request");
		this.mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void aSessionStaysWhileNothingChanges() throws Exception {
		SignIn ops = this.users.ops();
		MockHttpSession session = signIn(ops);
		change(this.users.ops(), "{\"enabled\":false}");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/me").session(session))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value(ops.username()));
		}
	}

	private void change(SignIn user, String json) throws Exception {
		this.mvc
			.perform(patch("/api/users/" + user.username()).with(this.admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isOk());
	}

	private MockHttpSession signIn(SignIn user) throws Exception {
		MvcResult login = this.mvc
			.perform(post("/login").param("username", user.username()).param("password", user.password()).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	private String csrfToken(MockHttpSession session) throws Exception {
		String me = this.mvc.perform(get("/api/me").session(session))
			.andExpect(jsonPath("$.csrf.token").value(containsString("")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return me.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private Command command(String name) {
		return this.commands.stream().filter((command) -> command.name().equals(name)).findFirst().orElseThrow();
	}

}
