package com.successpilot.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tokens cannot make tokens, a username means one user whatever its case, pages carry a
 * Content-Security-Policy and Referrer-Policy, and the embedded database listens on no
 * port (issue 13, point 3). The session cookie's SameSite is checked on the real server
 * ({@link com.successpilot.system.RealServerErrorsTests}).
 */
@SuccessPilotTest
class TokensNamesAndHeadersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	ApiTokens apiTokens;

	TestUsers users;

	@BeforeEach
	void users() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
	}

	@Test
	void aTokenCannotIssueAnotherToken() throws Exception {
		SignIn ops = this.users.ops();
		String token = this.apiTokens.issue(this.userAccounts.find(ops.username()).orElseThrow().id(), "script")
			.token();

		this.mvc
			.perform(post("/api/me/tokens").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"offspring\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("An API token cannot issue tokens")));
		this.mvc
			.perform(post("/api/me/tokens").header("Authorization", "Bearer " + token)
				.header("Accept-Language", "ja")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"offspring\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("新しいトークンを発行できません")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM api_tokens", Integer.class)).isEqualTo(1);
		this.mvc
			.perform(post("/api/me/tokens").with(ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"by password\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void usernamesAreOneUserWhateverTheirCase() throws Exception {
		SignIn admin = this.users.admin();
		this.mvc
			.perform(post("/api/users").with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"demo-admin\",\"role\":\"ADMIN\",\"password\":\"a long password 1\"}"))
			.andExpect(status().isCreated());

		this.mvc
			.perform(post("/api/users").with(admin.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"DEMO-ADMIN\",\"role\":\"OPS\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already exists")));
		assertThatThrownBy(
				() -> this.userAccounts.create(new NewUser("Demo-Admin", null, Role.OPS, null, null), "test"))
			.isInstanceOf(IllegalStateException.class);
		this.mvc.perform(get("/api/me").with(httpBasic("DEMO-Admin", "a long password 1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("demo-admin"));
		this.mvc.perform(get("/api/users/Demo-Admin").with(admin.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("demo-admin"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE LOWER(username) = 'demo-admin'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void pagesAndAnswersCarryASecurityPolicyAndNoRefererLeavesTheSite() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-eval"))))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("Content-Security-Policy"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void theEmbeddedDatabaseListensOnNoPortByDefault() throws Exception {
		PropertySource<?> defaults = new YamlPropertySourceLoader()
			.load("defaults", new ClassPathResource("application.yml"))
			.get(0);
		String url = String.valueOf(defaults.getProperty("spring.datasource.url"));
		assertThat(url).startsWith("jdbc:h2:file:").doesNotContainIgnoringCase("AUTO_SERVER");
		assertThat(Map.of("same-site", String.valueOf(defaults.getProperty("server.servlet.session.cookie.same-site")),
				"http-only", String.valueOf(defaults.getProperty("server.servlet.session.cookie.http-only"))))
			.containsEntry("same-site", "lax")
			.containsEntry("http-only", "true");
	}

}
