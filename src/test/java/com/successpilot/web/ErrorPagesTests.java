package com.successpilot.web;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.TestUsers;
import com.successpilot.security.UserAccounts;
import com.successpilot.system.PageController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An error page keeps the layout a signed-in user works in: the navigation of their role
 * and who is signed in, whether a page controller answered the error itself (a bad
 * parameter, an unknown id) or the container's error page did (no such page, not for your
 * role, a fault of the server).
 */
@SuccessPilotTest
@Import(ErrorPagesTests.FaultyPages.class)
class ErrorPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	SignIn csm;

	SignIn ops;

	@BeforeEach
	void users() {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		users.csm("misaki@example.com", "Misaki Ito");
		this.csm = users.csmUser("misaki@example.com");
		this.ops = users.ops();
	}

	@Test
	void aBadParameterAnsweredByThePageControllerKeepsTheNavigation() throws Exception {
		String page = page(this.mvc.perform(get("/portfolio").param("page", "two").with(this.csm.basic()))
			.andExpect(status().isBadRequest()));
		assertShell(page, this.csm, "Portfolio");
		assertThat(page).contains("aria-current=\"page\"");
	}

	@Test
	void aBadParameterIsSaidInTheReadersLanguageWithALinkBackToTheSection() throws Exception {
		String page = page(this.mvc
			.perform(get("/portfolio").param("page", "two").header("Accept-Language", "ja").with(this.ops.basic()))
			.andExpect(status().isBadRequest()));
		assertThat(page).contains("担当アカウント").contains("two").contains("href=\"/portfolio\"");
		assertThat(page).contains("パラメーター「page」の値「two」は有効な整数ではありません");
		page = page(this.mvc.perform(get("/runs/forty-two").with(this.ops.basic())).andExpect(status().isBadRequest()));
		assertThat(page)
			.contains("Parameter &#39;id&#39; has the value &#39;forty-two&#39;, which is not a valid whole number")
			.contains("<a href=\"/runs\">Back</a>");
		assertShell(page, this.ops, "Runs");
	}

	@Test
	void anUnknownIdAnsweredByThePageControllerKeepsTheNavigation() throws Exception {
		String page = page(
				this.mvc.perform(get("/runs/987654").with(this.ops.basic())).andExpect(status().isNotFound()));
		assertShell(page, this.ops, "Runs");
		assertThat(page).contains("Not found");
	}

	@Test
	void theContainersErrorPagesKeepTheNavigation() throws Exception {
		for (int code : new int[] { 404, 403, 500 }) {
			String page = page(this.mvc
				.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, code)
					.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
					.accept(MediaType.TEXT_HTML)
					.session(signIn(this.csm)))
				.andExpect(status().is(code)));
			assertShell(page, this.csm, "Tasks");
		}
	}

	@Test
	void aFaultInAPageIsThe500PageWithTheNavigationNeverJson() throws Exception {
		String page = page(
				this.mvc.perform(get("/test/faulty-page").accept(MediaType.TEXT_HTML).session(signIn(this.csm)))
					.andExpect(status().isInternalServerError())
					.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
		assertShell(page, this.csm, "Tasks");
		assertThat(page).contains("The server could not show this page").doesNotContain("disk on fire");
	}

	@Test
	void aChangeThatNoLongerAppliesIsThe409PageSayingWhy() throws Exception {
		String page = page(
				this.mvc.perform(get("/test/stale-page").accept(MediaType.TEXT_HTML).session(signIn(this.csm)))
					.andExpect(status().isConflict()));
		assertShell(page, this.csm, "Tasks");
		assertThat(page).contains("The task was closed meanwhile").contains("href=\"/test\"");
	}

	/**
	 * Pages that fail, for these tests only.
	 */
	@TestConfiguration
	static class FaultyPages {

		@Bean
		FaultyPageController faultyPageController() {
			return new FaultyPageController();
		}

	}

	@PageController
	static class FaultyPageController {

		@GetMapping("/test/faulty-page")
		String faulty() {
			throw new UnsupportedOperationException("disk on fire");
		}

		@GetMapping("/test/stale-page")
		String stale() {
			throw new IllegalStateException("The task was closed meanwhile");
		}

	}

	private MockHttpSession signIn(SignIn user) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", user.username()).param("password", user.password()).with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static String page(ResultActions answer) throws Exception {
		return answer.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void assertShell(String page, SignIn user, String section) {
		assertThat(page).contains("<nav aria-label=\"Sections\">")
			.contains(">My day</a>")
			.contains(">" + section + "</a>")
			.contains(user.username())
			.contains(">Sign out</button>");
	}

}
