package com.successpilot.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every accounts and tasks endpoint × every role: anonymous callers are asked to sign in;
 * a CSM is served on their own accounts and finds nothing of another CSM's — not in a
 * list, whatever the filter, not by id, and no action changes another CSM's task; OPS and
 * ADMIN are served on every account.
 */
@SuccessPilotTest
class AccountsAndTasksAuthorizationTests {

	enum Endpoint {

		ACCOUNT_LIST, ACCOUNT_DETAIL, TASK_LIST, TASK_DETAIL, TASK_DONE, TASK_SNOOZE, TASK_DISMISS, TASK_REOPEN;

		boolean isList() {
			return this == ACCOUNT_LIST || this == TASK_LIST;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	TestUsers users;

	SignIn misakiUser;

	/** Misaki's account and tasks. */
	Rows mine;

	/** Kenta's account and tasks. */
	Rows theirs;

	record Rows(long account, String externalId, long openTask, long snoozedTask) {

	}

	@BeforeEach
	void twoCsmsWithOneAccountEach() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		long misaki = this.users.csm("misaki.sato@example.com", "佐藤 美咲");
		long kenta = this.users.csm("kenta.tanaka@example.com", "Kenta Tanaka");
		this.misakiUser = this.users.csmUser("misaki.sato@example.com");
		this.mine = rows(portfolio, misaki, "ACC-MINE");
		this.theirs = rows(portfolio, kenta, "ACC-THEIRS");
	}

	@ParameterizedTest
	@EnumSource(Endpoint.class)
	void anonymousCallerIsAskedToSignIn(Endpoint endpoint) throws Exception {
		Snapshot before = snapshot(this.mine);
		this.mvc.perform(request(endpoint, this.mine).with(csrf()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		assertThat(snapshot(this.mine)).isEqualTo(before);
	}

	@ParameterizedTest
	@EnumSource(Endpoint.class)
	void csmIsServedOnTheirOwnAccount(Endpoint endpoint) throws Exception {
		this.mvc.perform(request(endpoint, this.mine).with(this.misakiUser.basic())).andExpect(status().isOk());
		if (endpoint == Endpoint.ACCOUNT_LIST) {
			this.mvc.perform(get("/api/accounts").with(this.misakiUser.basic()))
				.andExpect(jsonPath("$.items[*].externalId", everyItem(is("ACC-MINE"))))
				.andExpect(jsonPath("$.total").value(1));
		}
		if (endpoint == Endpoint.TASK_LIST) {
			this.mvc.perform(get("/api/tasks").with(this.misakiUser.basic()))
				.andExpect(jsonPath("$.items[*].account.externalId", everyItem(is("ACC-MINE"))))
				.andExpect(jsonPath("$.total").value(2));
		}
	}

	@ParameterizedTest
	@EnumSource(Endpoint.class)
	void csmFindsNothingOfAnotherCsmsAccount(Endpoint endpoint) throws Exception {
		Snapshot before = snapshot(this.theirs);
		if (endpoint == Endpoint.ACCOUNT_LIST) {
			expectEmpty(get("/api/accounts?csm=kenta.tanaka@example.com"));
			expectEmpty(get("/api/accounts?q=ACC-THEIRS"));
			this.mvc.perform(get("/api/accounts").with(this.misakiUser.basic()))
				.andExpect(jsonPath("$.items[*].externalId", everyItem(is("ACC-MINE"))));
		}
		else if (endpoint == Endpoint.TASK_LIST) {
			expectEmpty(get("/api/tasks?csm=kenta.tanaka@example.com"));
			expectEmpty(get("/api/tasks?account=ACC-THEIRS&status=OPEN,SNOOZED,DONE,DISMISSED,AUTO_CLOSED"));
			expectEmpty(get("/api/tasks?account=" + this.theirs.account()));
			this.mvc.perform(get("/api/tasks").with(this.misakiUser.basic()))
				.andExpect(jsonPath("$.items[*].account.externalId", everyItem(is("ACC-MINE"))));
		}
		else {
			this.mvc.perform(request(endpoint, this.theirs).with(this.misakiUser.basic()))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.status").value(404));
		}
		assertThat(snapshot(this.theirs)).isEqualTo(before);
	}

	@ParameterizedTest
	@EnumSource(Endpoint.class)
	void opsIsServedOnEveryAccount(Endpoint endpoint) throws Exception {
		servedOnAnotherCsmsAccount(this.users.ops(), endpoint);
	}

	@ParameterizedTest
	@EnumSource(Endpoint.class)
	void adminIsServedOnEveryAccount(Endpoint endpoint) throws Exception {
		servedOnAnotherCsmsAccount(this.users.admin(), endpoint);
	}

	@Test
	void csmCannotChangeAnotherCsmsTaskThroughAnyAction() throws Exception {
		Snapshot before = snapshot(this.theirs);
		String until = "{\"until\":\"" + this.clock.today().plusDays(3) + "\"}";
		for (long task : List.of(this.theirs.openTask(), this.theirs.snoozedTask())) {
			for (String action : List.of("done", "snooze", "dismiss", "reopen")) {
				this.mvc
					.perform(post("/api/tasks/" + task + "/" + action).with(this.misakiUser.basic())
						.contentType(MediaType.APPLICATION_JSON)
						.content(action.equals("snooze") ? until : "{\"reason\":\"not mine\",\"note\":\"x\"}"))
					.andExpect(status().isNotFound())
					.andExpect(jsonPath("$.detail").value("No task with id " + task));
			}
		}
		assertThat(snapshot(this.theirs)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM task_events", Integer.class)).isZero();
	}

	@Test
	void anotherCsmsAccountLooksExactlyLikeOneThatDoesNotExist() throws Exception {
		this.mvc.perform(get("/api/accounts/" + this.theirs.account()).with(this.misakiUser.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No account with id " + this.theirs.account()));
		this.mvc.perform(get("/api/tasks/" + this.theirs.openTask()).with(this.misakiUser.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No task with id " + this.theirs.openTask()));
	}

	private void servedOnAnotherCsmsAccount(SignIn user, Endpoint endpoint) throws Exception {
		this.mvc.perform(request(endpoint, this.theirs).with(user.basic())).andExpect(status().isOk());
		if (endpoint.isList()) {
			String url = (endpoint == Endpoint.ACCOUNT_LIST) ? "/api/accounts" : "/api/tasks";
			this.mvc.perform(get(url).with(user.basic()))
				.andExpect(jsonPath("$.total").value((endpoint == Endpoint.ACCOUNT_LIST) ? 2 : 4));
		}
	}

	private void expectEmpty(MockHttpServletRequestBuilder list) throws Exception {
		this.mvc.perform(list.with(this.misakiUser.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)))
			.andExpect(jsonPath("$.total").value(0));
	}

	private MockHttpServletRequestBuilder request(Endpoint endpoint, Rows rows) {
		return switch (endpoint) {
			case ACCOUNT_LIST -> get("/api/accounts");
			case ACCOUNT_DETAIL -> get("/api/accounts/" + rows.account());
			case TASK_LIST -> get("/api/tasks");
			case TASK_DETAIL -> get("/api/tasks/" + rows.openTask());
			case TASK_DONE -> action(rows.openTask(), "done", "{\"note\":\"Called them\"}");
			case TASK_SNOOZE ->
				action(rows.openTask(), "snooze", "{\"until\":\"" + this.clock.today().plusDays(3) + "\"}");
			case TASK_DISMISS -> action(rows.openTask(), "dismiss", "{\"reason\":\"Handled by sales\"}");
			case TASK_REOPEN -> action(rows.snoozedTask(), "reopen", "{}");
		};
	}

	private static MockHttpServletRequestBuilder action(long task, String action, String json) {
		return post("/api/tasks/" + task + "/" + action).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private static Rows rows(TestPortfolio portfolio, long csm, String externalId) {
		long account = portfolio.account(externalId, "Account " + externalId, "smb", csm);
		return new Rows(account, externalId, portfolio.openTask(account, csm), portfolio.snoozedTask(account, csm));
	}

	/**
	 * The account's task rows and how many actions were recorded on them.
	 */
	private Snapshot snapshot(Rows rows) {
		return new Snapshot(
				this.jdbc.queryForList("SELECT * FROM tasks WHERE account_id = ? ORDER BY id", rows.account()),
				this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.account_id = ?",
						Integer.class, rows.account()));
	}

	record Snapshot(List<Map<String, Object>> tasks, int events) {

	}

}
