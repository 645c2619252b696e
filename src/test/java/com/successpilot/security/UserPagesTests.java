package com.successpilot.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The users page administrators work on: create a user and hand over the password shown
 * once, disable and enable, a new password, revoke a token; never disable themselves.
 */
@SuccessPilotTest
class UserPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	ApiTokens tokens;

	SignIn admin;

	MockHttpSession session;

	@BeforeEach
	void anAdministrator() throws Exception {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		users.csm("misaki@example.com", "Misaki Ito");
		this.admin = users.admin();
		this.session = signIn(this.admin);
	}

	@Test
	void aCreatedCsmUserSignsInWithThePasswordShownOnce() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/users").session(this.session)
				.with(csrf())
				.param("username", "misaki@example.com")
				.param("displayName", "伊藤 美咲")
				.param("role", "CSM")
				.param("csmEmail", "misaki@example.com"))
			.andExpect(redirectedUrl("/users/misaki@example.com"))
			.andExpect(flash().attribute("notice", "User misaki@example.com created."))
			.andReturn();
		Credentials credentials = (Credentials) created.getFlashMap().get("credentials");
		this.mvc.perform(get("/users/misaki@example.com").session(this.session))
			.andExpect(content().string(containsString(credentials.password())))
			.andExpect(content().string(containsString("shown this once")));
		// shown once: the next visit does not show it
		this.mvc.perform(get("/users/misaki@example.com").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(credentials.password()))));
		assertThat(signIn(new SignIn("misaki@example.com", credentials.password(), Role.CSM))).isNotNull();
		this.mvc.perform(get("/users").session(this.session)).andExpect(content().string(containsString("伊藤 美咲")));
	}

	@Test
	void aBadNewUserIsExplainedOnThePage() throws Exception {
		this.mvc.perform(post("/users").session(this.session).with(csrf()).param("username", "x").param("role", "CSM"))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("problem", containsString("The user was not created: A username is 2-100")));
	}

	@Test
	void whyAUserWasNotCreatedIsShownInTheReadersLanguage() throws Exception {
		assertThat(problemCreating("ja", "username", "x", "role", "CSM"))
			.isEqualTo("ユーザーを作成できませんでした：ユーザー名は英数字と . _ @ + - の 2〜100 文字にしてください（入力: 'x'）");
		assertThat(problemCreating("ja", "username", "ops-someone", "role", "OPS", "csmEmail", "misaki@example.com"))
			.contains("CSM に紐づけられるのは CSM ユーザーだけです");
		assertThat(problemCreating("ja", "username", "someone", "role", "CSM", "csmEmail", "nobody@example.com"))
			.contains("メールアドレス 'nobody@example.com' の CSM はいません");
		assertThat(problemCreating("ja", "username", "someone", "role", "SUPERUSER"))
			.contains("'SUPERUSER' というロールはありません");
		assertThat(problemCreating("en", "username", "someone", "role", "SUPERUSER"))
			.contains("Unknown role 'SUPERUSER': use CSM, OPS or ADMIN");
	}

	@Test
	void aNameTakenIsExplainedInEnglishAndJapanese() throws Exception {
		String taken = this.admin.username().toUpperCase(java.util.Locale.ROOT);
		assertThat(problemCreating("en", "username", taken, "role", "OPS"))
			.isEqualTo("The user was not created: A user named " + taken
					+ " exists already (user names are the same whatever their case).");
		assertThat(problemCreating("ja", "username", taken, "role", "OPS"))
			.isEqualTo("ユーザーを作成できませんでした：ユーザー " + taken + " はすでにあります（ユーザー名は大文字と小文字を区別しません）。");
		this.mvc
			.perform(post("/users/" + this.admin.username() + "/role").session(this.session)
				.with(csrf())
				.header("Accept-Language", "ja")
				.param("role", "ADMIN")
				.param("csmEmail", "misaki@example.com"))
			.andExpect(flash().attribute("problem", containsString("CSM に紐づけられるのは CSM ユーザーだけです")));
		assertThat(this.userAccounts.list()).hasSize(1);
	}

	@Test
	void disablingAUserEndsTheirSignInAndAnAdminCannotDisableThemselves() throws Exception {
		SignIn ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		this.mvc
			.perform(post("/users/" + ops.username() + "/enabled").session(this.session)
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/users/" + ops.username()))
			.andExpect(flash().attribute("notice", containsString("is disabled")));
		assertThat(this.userAccounts.find(ops.username()).orElseThrow().enabled()).isFalse();

		this.mvc
			.perform(post("/users/" + this.admin.username() + "/enabled").session(this.session)
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(
					flash().attribute("problem", "You cannot disable or demote yourself: ask another administrator."));
		this.mvc
			.perform(post("/users/" + this.admin.username() + "/role").session(this.session)
				.with(csrf())
				.param("role", "OPS"))
			.andExpect(
					flash().attribute("problem", "You cannot disable or demote yourself: ask another administrator."));
		assertThat(this.userAccounts.find(this.admin.username()).orElseThrow().role()).isEqualTo(Role.ADMIN);
		assertThat(this.userAccounts.find(this.admin.username()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void aNewPasswordReplacesTheOldAndATokenIsRevoked() throws Exception {
		SignIn ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		UserAccount account = this.userAccounts.find(ops.username()).orElseThrow();
		ApiTokens.IssuedToken token = this.tokens.issue(account.id(), "nightly export");
		this.mvc.perform(get("/users/" + ops.username()).session(this.session))
			.andExpect(content().string(containsString("nightly export")))
			.andExpect(content().string(containsString("id=\"revoke-" + token.id() + "\"")));

		MvcResult reset = this.mvc
			.perform(post("/users/" + ops.username() + "/password").session(this.session).with(csrf()))
			.andExpect(flash().attribute("notice", ops.username() + " has a new password."))
			.andReturn();
		String password = ((Credentials) reset.getFlashMap().get("credentials")).password();
		assertThat(password).isNotEqualTo(ops.password());
		assertThat(signIn(new SignIn(ops.username(), password, Role.OPS))).isNotNull();

		this.mvc
			.perform(post("/users/" + ops.username() + "/tokens/" + token.id() + "/revoke").session(this.session)
				.with(csrf()))
			.andExpect(flash().attribute("notice", "Token " + token.id() + " revoked."));
		assertThat(this.tokens.authenticate(token.token())).isEmpty();
	}

	@Test
	void opsHaveNoUsersPage() throws Exception {
		SignIn ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		this.mvc.perform(get("/users").session(signIn(ops))).andExpect(status().isForbidden());
		this.mvc
			.perform(
					post("/users").session(signIn(ops)).with(csrf()).param("username", "sneaky").param("role", "ADMIN"))
			.andExpect(status().isForbidden());
		assertThat(this.userAccounts.find("sneaky")).isEmpty();
	}

	/**
	 * Posts the new-user form in a language and returns the problem the page shows.
	 */
	private String problemCreating(String language, String... fields) throws Exception {
		MockHttpServletRequestBuilder form = post("/users").session(this.session)
			.with(csrf())
			.header("Accept-Language", language);
		for (int i = 0; i < fields.length; i += 2) {
			form.param(fields[i], fields[i + 1]);
		}
		return (String) this.mvc.perform(form)
			.andExpect(redirectedUrl("/users"))
			.andReturn()
			.getFlashMap()
			.get("problem");
	}

	private MockHttpSession signIn(SignIn user) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", user.username()).param("password", user.password()).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signed in as " + user.username())
			.doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
