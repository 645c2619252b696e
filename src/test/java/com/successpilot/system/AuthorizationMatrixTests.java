package com.successpilot.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.Role;
import com.successpilot.security.UserAccounts;
import com.successpilot.task.TaskRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every role against every endpoint: anonymous callers get 401 (except public endpoints),
 * a role below the endpoint's get 403, the others get past security (the endpoint may
 * still answer 400 or 404 for the made-up ids used here). A CSM's limits within their own
 * role (only their accounts and tasks) are proven by the account and task tests, except
 * the one case that splits them: a task handed to a CSM on another CSM's account (the
 * last test). The first test fails when an endpoint is added without a line here.
 */
@SuccessPilotTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** Who may call an endpoint; {@code null} = anyone, even signed out. */
	private static final Map<String, Role> MATRIX = Map.ofEntries(
			// who am I, my tokens
			Map.entry("GET /api/me", Role.CSM), Map.entry("GET /api/me/tokens", Role.CSM),
			Map.entry("POST /api/me/tokens", Role.CSM), Map.entry("DELETE /api/me/tokens/{id}", Role.CSM),
			// accounts and tasks (a CSM only their own:
			// AccountsAndTasksAuthorizationTests)
			Map.entry("GET /api/accounts", Role.CSM), Map.entry("GET /api/accounts/{id}", Role.CSM),
			Map.entry("GET /api/accounts/{id}/thresholds", Role.CSM),
			Map.entry("DELETE /api/accounts/{id}/thresholds/{name}", Role.OPS), Map.entry("GET /api/tasks", Role.CSM),
			Map.entry("GET /api/tasks/{id}", Role.CSM), Map.entry("POST /api/tasks/{id}/done", Role.CSM),
			Map.entry("POST /api/tasks/{id}/snooze", Role.CSM), Map.entry("POST /api/tasks/{id}/dismiss", Role.CSM),
			Map.entry("POST /api/tasks/{id}/reopen", Role.CSM),
			// runs and schedules
			Map.entry("GET /api/runs", Role.OPS), Map.entry("GET /api/runs/{id}", Role.OPS),
			Map.entry("POST /api/runs", Role.OPS), Map.entry("POST /api/runs/{id}/restart", Role.OPS),
			Map.entry("GET /api/schedules", Role.OPS),
			// runs held for review by the surge guard
			Map.entry("GET /api/runs/held", Role.OPS), Map.entry("POST /api/runs/{id}/release", Role.OPS),
			Map.entry("POST /api/runs/{id}/discard", Role.OPS),
			// rules
			Map.entry("GET /api/rules", Role.OPS), Map.entry("POST /api/rules/validate", Role.OPS),
			Map.entry("POST /api/rules/reload", Role.OPS), Map.entry("POST /api/rules/test", Role.OPS),
			// rule set versions and firings
			Map.entry("GET /api/rules/versions", Role.OPS), Map.entry("GET /api/rules/versions/{version}", Role.OPS),
			Map.entry("GET /api/rules/versions/{from}/diff/{to}", Role.OPS),
			Map.entry("GET /api/rules/firings", Role.OPS), Map.entry("POST /api/rules/preview", Role.OPS),
			Map.entry("POST /api/rules/backtest", Role.OPS),
			// users
			Map.entry("GET /api/users", Role.ADMIN), Map.entry("GET /api/users/{username}", Role.ADMIN),
			Map.entry("POST /api/users", Role.ADMIN), Map.entry("PATCH /api/users/{username}", Role.ADMIN),
			Map.entry("POST /api/users/{username}/password", Role.ADMIN),
			Map.entry("POST /api/users/{username}/sign-out", Role.ADMIN));

	private static final Set<String> PUBLIC = Set.of();

	/**
	 * Who may open a page (or post its form); a signed-out browser is sent to the sign-in
	 * page, a role below gets the 403 page. Which accounts a CSM sees on a page is proven
	 * by the page's own tests.
	 */
	private static final Map<String, Role> PAGES = Map.ofEntries(
			// the shell and the CSM's day
			Map.entry("GET /", Role.CSM),
			// tasks
			Map.entry("GET /tasks", Role.CSM), Map.entry("GET /tasks/{id}", Role.CSM),
			Map.entry("POST /tasks/{id}/done", Role.CSM), Map.entry("POST /tasks/{id}/snooze", Role.CSM),
			Map.entry("POST /tasks/{id}/dismiss", Role.CSM), Map.entry("POST /tasks/{id}/reopen", Role.CSM),
			// ops pages: runs, rules, playbook results
			Map.entry("GET /runs", Role.OPS), Map.entry("GET /runs/{id}", Role.OPS), Map.entry("POST /runs", Role.OPS),
			Map.entry("POST /runs/{id}/restart", Role.OPS), Map.entry("GET /runs/held", Role.OPS),
			Map.entry("POST /runs/{id}/release", Role.OPS), Map.entry("POST /runs/{id}/discard", Role.OPS),
			Map.entry("GET /rules", Role.OPS), Map.entry("GET /rules/versions/{version}", Role.OPS),
			Map.entry("GET /rules/diff", Role.OPS), Map.entry("GET /rules/rollback", Role.OPS),
			Map.entry("POST /rules/rollback", Role.OPS), Map.entry("GET /rules/preview", Role.OPS),
			Map.entry("GET /results", Role.OPS),
			// portfolio pages: portfolio (and its CSV), account 360, renewals (a CSM only
			// their own: PortfolioPagesTests)
			Map.entry("GET /portfolio", Role.CSM), Map.entry("GET /portfolio.csv", Role.CSM),
			Map.entry("GET /accounts/{id}", Role.CSM), Map.entry("GET /renewals", Role.CSM),
			// task pages: bulk actions (CS operations), the mail outbox, users
			Map.entry("POST /tasks/bulk/reassign", Role.OPS), Map.entry("POST /tasks/bulk/dismiss", Role.OPS),
			Map.entry("GET /mail", Role.OPS), Map.entry("POST /mail/{id}/resend", Role.OPS),
			Map.entry("GET /users", Role.ADMIN), Map.entry("POST /users", Role.ADMIN),
			Map.entry("GET /users/{username}", Role.ADMIN), Map.entry("POST /users/{username}/role", Role.ADMIN),
			Map.entry("POST /users/{username}/enabled", Role.ADMIN),
			Map.entry("POST /users/{username}/password", Role.ADMIN),
			Map.entry("POST /users/{username}/tokens/{id}/revoke", Role.ADMIN));

	/** Pages anyone may open, even signed out. */
	private static final Set<String> PUBLIC_PAGES = Set.of("GET /login");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TaskRepository tasks;

	private Map<Role, SignIn> users;

	private long matrixCsm;

	@BeforeAll
	void oneUserPerRole() {
		TestData.deleteAll(this.jdbc);
		TestUsers testUsers = new TestUsers(this.userAccounts, this.jdbc);
		this.matrixCsm = testUsers.csm("matrix-csm@example.com", "Matrix CSM");
		this.users = Map.of(Role.CSM, testUsers.csmUser("matrix-csm@example.com"), Role.OPS, testUsers.ops(),
				Role.ADMIN, testUsers.admin());
	}

	@Test
	void everyApiEndpointHasALineInTheMatrix() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach((method) -> mapped.add(method + " " + pattern));
				}
			}
		}
		assertThat(mapped).as("endpoints without a line in the authorization matrix")
			.isSubsetOf(union(MATRIX.keySet(), PUBLIC));
		assertThat(union(MATRIX.keySet(), PUBLIC)).as("matrix lines for endpoints that no longer exist")
			.isSubsetOf(mapped);
	}

	@Test
	void everyPageHasALineInTheMatrix() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (!pattern.startsWith("/api/") && !pattern.startsWith("/error") && !pattern.startsWith("/v3/")
						&& !pattern.startsWith("/swagger-ui")) {
					info.getMethodsCondition().getMethods().forEach((method) -> mapped.add(method + " " + pattern));
				}
			}
		}
		assertThat(mapped).as("pages without a line in the authorization matrix")
			.isSubsetOf(union(PAGES.keySet(), PUBLIC_PAGES));
		assertThat(union(PAGES.keySet(), PUBLIC_PAGES)).as("matrix lines for pages that no longer exist")
			.isSubsetOf(mapped);
	}

	Stream<Arguments> everyRoleAgainstEveryPage() {
		return union(PAGES.keySet(), PUBLIC_PAGES).stream()
			.sorted()
			.flatMap((page) -> Stream.of(null, Role.CSM, Role.OPS, Role.ADMIN)
				.map((role) -> Arguments.of(page, (role != null) ? role.name() : "anonymous")));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyRoleAgainstEveryPage")
	void pagesAnswerAsTheMatrixSays(String page, String caller) throws Exception {
		Role role = caller.equals("anonymous") ? null : Role.valueOf(caller);
		MockHttpServletResponse answer = open(page, role);
		if (PUBLIC_PAGES.contains(page)) {
			assertThat(answer.getStatus()).as(page + " is public").isEqualTo(200);
		}
		else if (role == null) {
			assertThat(answer.getStatus()).as(page + " signed out").isEqualTo(302);
			assertThat(answer.getRedirectedUrl()).as(page + " signed out").endsWith("/login");
		}
		else if (role.ordinal() < PAGES.get(page).ordinal()) {
			assertThat(answer.getStatus()).as(page + " as " + role).isEqualTo(403);
		}
		else {
			assertThat(answer.getStatus()).as(page + " as " + role).isNotIn(401, 403).isLessThan(500);
		}
	}

	/**
	 * A browser opening a page or posting its form (with its CSRF token); signed in with
	 * the user's password, which security treats like a session's user.
	 */
	private MockHttpServletResponse open(String page, Role role) throws Exception {
		String[] parts = page.split(" ", 2);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), madeUp(parts[1]))
			.accept(MediaType.TEXT_HTML);
		if (!parts[0].equals("GET")) {
			request.with(csrf());
		}
		if (role != null) {
			request.with(this.users.get(role).basic());
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String madeUp(String path) {
		return path.replace("{id}", "987654321")
			.replace("{username}", "nobody-at-all")
			.replace("{name}", "no_such_threshold")
			.replaceAll("\\{(version|from|to)\\}", "000000000000");
	}

	Stream<Arguments> everyRoleAgainstEveryEndpoint() {
		List<String> endpoints = union(MATRIX.keySet(), PUBLIC).stream().sorted().toList();
		return endpoints.stream()
			.flatMap((endpoint) -> Stream.of(null, Role.CSM, Role.OPS, Role.ADMIN)
				.map((role) -> Arguments.of(endpoint, (role != null) ? role.name() : "anonymous")));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyRoleAgainstEveryEndpoint")
	void securityAnswersAsTheMatrixSays(String endpoint, String caller) throws Exception {
		Role role = caller.equals("anonymous") ? null : Role.valueOf(caller);
		int status = call(endpoint, role);
		if (PUBLIC.contains(endpoint)) {
			assertThat(status).as(endpoint + " is public").isNotIn(401, 403);
		}
		else if (role == null) {
			assertThat(status).as(endpoint + " signed out").isEqualTo(401);
		}
		else if (role.ordinal() < MATRIX.get(endpoint).ordinal()) {
			assertThat(status).as(endpoint + " as " + role).isEqualTo(403);
		}
		else {
			assertThat(status).as(endpoint + " as " + role).isNotIn(401, 403).isLessThan(500);
		}
	}

	private int call(String endpoint, Role role) throws Exception {
		String[] parts = endpoint.split(" ", 2);
		String path = madeUp(parts[1]);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path);
		if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		if (role != null) {
			request.with(this.users.get(role).basic());
		}
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/**
	 * A task CS ops handed to a CSM on another CSM's account: its holder may open it and
	 * act on it, not the account; the account's CSM keeps the account, not the task.
	 */
	@Test
	void aTaskHandedOverOpensForItsHolderAndTheAccountStaysItsCsms() throws Exception {
		TestUsers testUsers = new TestUsers(this.userAccounts, this.jdbc);
		long accountsCsm = testUsers.csm("matrix-owner@example.com", "Matrix Owner");
		SignIn owner = testUsers.csmUser("matrix-owner@example.com");
		SignIn holder = this.users.get(Role.CSM);
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		long account = portfolio.account("ACC-MATRIX", "Matrix KK", "smb", accountsCsm);
		long task = portfolio.openTask(account, accountsCsm);
		assertThat(this.tasks.reassign(task, this.matrixCsm, "Matrix CSM <matrix-csm@example.com>", "ops")).isTrue();

		assertThat(status("GET /tasks/" + task, holder)).isEqualTo(200);
		assertThat(status("GET /api/tasks/" + task, holder)).isEqualTo(200);
		assertThat(status("GET /accounts/" + account, holder)).isEqualTo(404);
		assertThat(status("GET /api/accounts/" + account, holder)).isEqualTo(404);
		assertThat(status("GET /tasks/" + task, owner)).isEqualTo(404);
		assertThat(status("GET /api/tasks/" + task, owner)).isEqualTo(404);
		assertThat(status("POST /api/tasks/" + task + "/done", owner)).isEqualTo(404);
		assertThat(status("GET /accounts/" + account, owner)).isEqualTo(200);
		assertThat(status("GET /api/accounts/" + account, owner)).isEqualTo(200);
		assertThat(status("POST /api/tasks/" + task + "/done", holder)).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, task))
			.isEqualTo("DONE");
	}

	/** A page (HTML) or an API call (JSON) by a signed-in user. */
	private int status(String call, SignIn user) throws Exception {
		String[] parts = call.split(" ", 2);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), parts[1]).with(user.basic());
		if (parts[1].startsWith("/api/")) {
			request.accept(MediaType.APPLICATION_JSON);
			if (parts[0].equals("POST")) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		else {
			request.accept(MediaType.TEXT_HTML);
		}
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

}
