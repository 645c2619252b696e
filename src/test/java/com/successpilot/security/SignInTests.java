package com.successpilot.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ways in (session with CSRF, HTTP Basic, API tokens) and the users API.
 */
@SuccessPilotTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	JdbcTemplate jdbc;

	TestUsers users;

	@BeforeEach
	void noUsers() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
	}

	@Test
	void anonymousApiCallGetsJsonProblemWithBearerChallenge() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(containsString("Sign in")))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).as("no session for a script").isNull();
	}

	@Test
	void wrongPasswordIsRefused() throws Exception {
		SignIn ops = this.users.ops();
		this.mvc.perform(get("/api/me").with(httpBasic(ops.username(), "not-the-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void basicSignInShowsWhoIAm() throws Exception {
		this.users.csm("hanako@example.com", "Hanako Sato");
		SignIn csm = this.users.csmUser("hanako@example.com");
		this.mvc.perform(get("/api/me").with(csm.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(csm.username()))
			.andExpect(jsonPath("$.role").value("CSM"))
			.andExpect(jsonPath("$.csmId").isNumber());
	}

	@Test
	void passwordsAreStoredOnlyAsHashes() {
		SignIn ops = this.users.ops();
		String stored = this.jdbc.queryForObject("SELECT password_hash FROM users WHERE username = ?", String.class,
				ops.username());
		assertThat(stored).startsWith("{bcrypt}").doesNotContain(ops.password());
	}

	@Test
	void apiTokenActsAsItsUserUntilRevoked() throws Exception {
		SignIn ops = this.users.ops();
		MvcResult issued = this.mvc
			.perform(post("/api/me/tokens").with(ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"nightly report script\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(containsString("sp_")))
			.andReturn();
		String token = jsonValue(issued, "token");
		String id = jsonValue(issued, "id");

		this.mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(ops.username()));
		this.mvc.perform(get("/api/me/tokens").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[0].name").value("nightly report script"))
			.andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
			.andExpect(jsonPath("$[0].token").doesNotExist());

		this.mvc.perform(delete("/api/me/tokens/" + id).with(ops.basic())).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("revoked")));
	}

	@Test
	void unknownTokenIsRefused() throws Exception {
		this.mvc.perform(get("/api/me").header("Authorization", "Bearer sp_made-up"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void disabledUserCanSignInNeitherByPasswordNorByToken() throws Exception {
		SignIn admin = this.users.admin();
		SignIn ops = this.users.ops();
		long opsId = this.userAccounts.find(ops.username()).orElseThrow().id();
		String token = this.apiTokens.issue(opsId, "script").token();

		this.mvc
			.perform(patch("/api/users/" + ops.username()).with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));

		this.mvc.perform(get("/api/me").with(ops.basic())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void browserSessionNeedsCsrfTokenForChanges() throws Exception {
		SignIn ops = this.users.ops();
		MvcResult login = this.mvc
			.perform(post("/login").param("username", ops.username()).param("password", ops.password()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

		MvcResult me = this.mvc.perform(get("/api/me").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.csrf.headerName").value("X-CSRF-TOKEN"))
			.andReturn();

		this.mvc
			.perform(post("/api/me/tokens").session(session)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/me/tokens").session(session)
				.header("X-CSRF-TOKEN", jsonValue(me, "csrf.token"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void onlyAdministratorsManageUsers() throws Exception {
		this.users.csm("taro@example.com", "Taro Yamada");
		SignIn admin = this.users.admin();
		SignIn ops = this.users.ops();
		SignIn csm = this.users.csmUser("taro@example.com");
		String newUser = "{\"username\":\"jiro\",\"role\":\"CSM\",\"csmEmail\":\"taro@example.com\"}";

		for (SignIn notAdmin : new SignIn[] { ops, csm }) {
			this.mvc.perform(get("/api/users").with(notAdmin.basic())).andExpect(status().isForbidden());
			this.mvc.perform(
					post("/api/users").with(notAdmin.basic()).contentType(MediaType.APPLICATION_JSON).content(newUser))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/api/users").with(admin.basic()).contentType(MediaType.APPLICATION_JSON).content(newUser))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.password").isString());
		this.mvc.perform(get("/api/users/jiro").with(admin.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.csmEmail").value("taro@example.com"))
			.andExpect(jsonPath("$.createdBy").value(admin.username()))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
	}

	@Test
	void badUserInputIsAClearBadRequest() throws Exception {
		SignIn admin = this.users.admin();
		this.mvc
			.perform(post("/api/users").with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"jiro\",\"role\":\"CSM\",\"csmEmail\":\"nobody@example.com\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("No CSM with email")));
		this.mvc
			.perform(post("/api/users").with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"jiro\",\"role\":\"KING\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/users").with(admin.basic()).contentType(MediaType.APPLICATION_JSON).content("{oops"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("not the JSON this request takes")));
		this.mvc
			.perform(post("/api/users").with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + admin.username() + "\",\"role\":\"OPS\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/users/nobody").with(admin.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("No user named")));
	}

	@Test
	void administratorCannotLockThemselvesOut() throws Exception {
		SignIn admin = this.users.admin();
		this.mvc
			.perform(patch("/api/users/" + admin.username()).with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\":false}"))
			.andExpect(status().isBadRequest());
	}

	private static String jsonValue(MvcResult result, String path) throws Exception {
		Object value = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$." + path);
		return String.valueOf(value);
	}

}
