package com.successpilot.task;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.successpilot.ApiExpectations;
import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tasks API: the list with its filters and pages, one task with its evidence and
 * history, and the actions — each recorded with who and when, allowed only from the
 * states that permit it.
 */
@SuccessPilotTest
class TasksApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	LocalDate today;

	SignIn ops;

	SignIn misakiUser;

	long misaki;

	long kenta;

	long alpha;

	long bravo;

	long open;

	long snoozed;

	long done;

	long bravoOpen;

	long autoClosed;

	@BeforeEach
	void tasks() {
		TestData.deleteAll(this.jdbc);
		this.today = this.clock.today();
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		this.misaki = users.csm("misaki.sato@example.com", "佐藤 美咲");
		this.kenta = users.csm("kenta.tanaka@example.com", "Kenta Tanaka");
		this.ops = users.ops();
		this.misakiUser = users.csmUser("misaki.sato@example.com");
		this.alpha = portfolio.account("ACC-1", "Alpha Foods", "enterprise", this.misaki);
		this.bravo = portfolio.account("ACC-2", "Bravo Logistics", "smb", this.kenta);
		this.open = portfolio.openTask(this.alpha, this.misaki);
		this.snoozed = portfolio.snoozedTask(this.alpha, this.misaki);
		this.done = portfolio.task(this.alpha, this.misaki, "nps-detractor-call", "risk", "high",
				this.today.minusDays(5), "DONE");
		this.bravoOpen = portfolio.task(this.bravo, this.kenta, "expansion-offer", "expansion", "low",
				this.today.plusDays(1), "OPEN");
		this.autoClosed = portfolio.task(this.bravo, this.kenta, "support-effort-review", "risk", "medium",
				this.today.plusDays(2), "AUTO_CLOSED");
	}

	@Test
	void listShowsOpenAndSnoozedTasksSoonestDueFirst() throws Exception {
		this.mvc.perform(get("/api/tasks").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.items[*].id").value(ids(this.bravoOpen, this.open, this.snoozed)))
			.andExpect(jsonPath("$.items[1].account.id").value(this.alpha))
			.andExpect(jsonPath("$.items[1].account.externalId").value("ACC-1"))
			.andExpect(jsonPath("$.items[1].account.name").value("Alpha Foods"))
			.andExpect(jsonPath("$.items[1].csm.id").value(this.misaki))
			.andExpect(jsonPath("$.items[1].csm.email").value("misaki.sato@example.com"))
			.andExpect(jsonPath("$.items[1].playbook").value("usage-decline-rescue"))
			.andExpect(jsonPath("$.items[1].type").value("risk"))
			.andExpect(jsonPath("$.items[1].priority").value("high"))
			.andExpect(jsonPath("$.items[1].title").value("Rescue usage-decline-rescue"))
			.andExpect(jsonPath("$.items[1].dueDate").value(this.today.plusDays(3).toString()))
			.andExpect(jsonPath("$.items[1].status").value("OPEN"))
			.andExpect(jsonPath("$.items[1].urgent").value(false))
			.andExpect(jsonPath("$.items[1].rule").value("Onboarding without first value"))
			.andExpect(jsonPath("$.items[1].why").value("No first value after 60 days (we expect 30)."))
			.andExpect(jsonPath("$.items[2].status").value("SNOOZED"))
			.andExpect(jsonPath("$.items[2].snoozedUntil").value(this.today.plusDays(5).toString()));
	}

	@Test
	void filtersNarrowTheList() throws Exception {
		expectTasks("status=DONE", this.done);
		expectTasks("status=done,auto_closed", this.done, this.autoClosed);
		expectTasks("status=OPEN", this.bravoOpen, this.open);
		expectTasks("type=RISK", this.open);
		expectTasks("type=risk&status=OPEN,DONE,AUTO_CLOSED", this.done, this.autoClosed, this.open);
		expectTasks("priority=low", this.bravoOpen);
		expectTasks("playbook=renewal-check", this.snoozed);
		expectTasks("account=ACC-2", this.bravoOpen);
		expectTasks("account=" + this.alpha, this.open, this.snoozed);
		expectTasks("csm=kenta.tanaka@example.com", this.bravoOpen);
		expectTasks("csm=" + this.misaki, this.open, this.snoozed);
		expectTasks("csm=nobody@example.com");
		expectTasks("dueBefore=" + this.today.plusDays(3), this.bravoOpen);
	}

	@Test
	void pagesAreStableAndCounted() throws Exception {
		this.mvc.perform(get("/api/tasks?size=1&page=1").with(this.ops.basic()))
			.andExpect(jsonPath("$.items[*].id").value(ids(this.open)))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void badParametersAreRefusedNamingTheParameterAndTheAllowedValues() throws Exception {
		expectBadRequest(get("/api/tasks?status=LATE"),
				"Parameter 'status' has the unknown value 'LATE'; allowed: QUEUED, OPEN, SNOOZED, DONE, DISMISSED, AUTO_CLOSED");
		expectBadRequest(get("/api/tasks?status=OPEN,later"), "'status'");
		expectBadRequest(get("/api/tasks?type=urgent"),
				"allowed: RISK, OPPORTUNITY, LIFECYCLE, RENEWAL, EXPANSION, ADVOCACY");
		expectBadRequest(get("/api/tasks?priority=top"), "Parameter 'priority' has the unknown value 'top'");
		expectBadRequest(get("/api/tasks?dueBefore=tomorrow"), "'dueBefore'");
		expectBadRequest(get("/api/tasks?page=-1"), "'page'");
		expectBadRequest(get("/api/tasks?size=501"), "'size'");
		expectBadRequest(get("/api/tasks?size=lots"), "'size'");
		expectBadRequest(get("/api/tasks/first"), "'id'");
	}

	@Test
	void oneTaskShowsItsEvidenceAsAnObjectAndWhereItCameFrom() throws Exception {
		this.mvc.perform(get("/api/tasks/" + this.open).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(this.open))
			.andExpect(jsonPath("$.account.externalId").value("ACC-1"))
			.andExpect(jsonPath("$.description").value("Call the sponsor"))
			.andExpect(jsonPath("$.rule").value("Onboarding without first value"))
			.andExpect(jsonPath("$.evidence.facts.daysSinceStart").value(60))
			.andExpect(jsonPath("$.evidence.thresholds.first_value_days").value(30))
			.andExpect(jsonPath("$.createdRulesVersion").value("fedcba654321"))
			.andExpect(jsonPath("$.rulesVersion").value("abcdef123456"))
			.andExpect(jsonPath("$.autoClose").value(true))
			.andExpect(jsonPath("$.createdRun").value(7))
			.andExpect(jsonPath("$.createdOn").value(this.today.minusDays(3).toString()))
			.andExpect(jsonPath("$.createdAt", notNullValue()))
			.andExpect(jsonPath("$.lastSeenRun").value(8))
			.andExpect(jsonPath("$.lastSeenOn").value(this.today.toString()))
			.andExpect(jsonPath("$.history", hasSize(0)));
		this.mvc.perform(get("/api/tasks/" + this.autoClosed).with(this.ops.basic()))
			.andExpect(jsonPath("$.status").value("AUTO_CLOSED"))
			.andExpect(jsonPath("$.closedBy").value("rules"))
			.andExpect(jsonPath("$.closeReason").value("Cleared"))
			.andExpect(jsonPath("$.closedAt", notNullValue()));
	}

	@Test
	void unknownTaskIsNotFound() throws Exception {
		this.mvc.perform(get("/api/tasks/999999").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No task with id 999999"));
		this.mvc.perform(action("/api/tasks/999999/done", "{}", this.ops)).andExpect(status().isNotFound());
	}

	@Test
	void doneIsRecordedWithWhoAndWhenAndFreesTheDeduplicationKey() throws Exception {
		this.clock.set(this.today, LocalTime.of(16, 45, 30));
		String when = this.today + "T16:45:30";
		this.mvc
			.perform(action("/api/tasks/" + this.open + "/done", "{\"note\":\"Called the sponsor\"}", this.misakiUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.closedBy").value(this.misakiUser.username()))
			.andExpect(jsonPath("$.closeReason").value("Called the sponsor"))
			.andExpect(jsonPath("$.closedAt").value(when))
			.andExpect(jsonPath("$.history[0].action").value("DONE"))
			.andExpect(jsonPath("$.history[0].actor").value(this.misakiUser.username()))
			.andExpect(jsonPath("$.history[0].note").value("Called the sponsor"))
			.andExpect(jsonPath("$.history[0].at").value(when));

		Map<String, Object> row = taskRow(this.open);
		assertThat(row.get("status")).isEqualTo("DONE");
		assertThat(row.get("active_key")).isNull();
		assertThat(this.jdbc.queryForList("SELECT actor FROM task_events WHERE task_id = ? AND action = 'DONE'",
				String.class, this.open))
			.containsExactly(this.misakiUser.username());
		this.mvc.perform(get("/api/tasks/" + this.open).with(this.ops.basic()))
			.andExpect(jsonPath("$.history[*].action").value(contains("DONE")));
	}

	@Test
	void doneNeedsNoBody() throws Exception {
		this.mvc.perform(post("/api/tasks/" + this.open + "/done").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.closeReason").doesNotExist());
	}

	@Test
	void snoozeKeepsTheDeduplicationKeyAndIsRecorded() throws Exception {
		LocalDate until = this.today.plusDays(7);
		this.mvc
			.perform(action("/api/tasks/" + this.open + "/snooze",
					"{\"until\":\"" + until + "\",\"note\":\"Sponsor on holiday\"}", this.misakiUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SNOOZED"))
			.andExpect(jsonPath("$.snoozedUntil").value(until.toString()))
			.andExpect(jsonPath("$.closedBy").doesNotExist())
			.andExpect(jsonPath("$.history[0].action").value("SNOOZE"))
			.andExpect(jsonPath("$.history[0].actor").value(this.misakiUser.username()))
			.andExpect(jsonPath("$.history[0].snoozedUntil").value(until.toString()))
			.andExpect(jsonPath("$.history[0].note").value("Sponsor on holiday"));

		Map<String, Object> row = taskRow(this.open);
		assertThat(row.get("active_key")).isEqualTo(row.get("dedup_key"));
		// a snoozed task may be snoozed again, to another date
		this.mvc
			.perform(action("/api/tasks/" + this.open + "/snooze", "{\"until\":\"" + until.plusDays(7) + "\"}",
					this.misakiUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.snoozedUntil").value(until.plusDays(7).toString()))
			.andExpect(jsonPath("$.history", hasSize(2)));
	}

	@Test
	void snoozeNeedsADateAfterToday() throws Exception {
		Map<String, Object> before = taskRow(this.open);
		String url = "/api/tasks/" + this.open + "/snooze";
		expectBadRequest(action(url, "{\"until\":\"" + this.today + "\"}", this.ops), "'until' must be after today");
		expectBadRequest(action(url, "{\"until\":\"" + this.today.minusDays(1) + "\"}", this.ops), "'until'");
		expectBadRequest(action(url, "{\"until\":\"2027-02-30\"}", this.ops), "not a valid date (YYYY-MM-DD)");
		expectBadRequest(action(url, "{\"note\":\"later\"}", this.ops), "needs 'until'");
		expectBadRequest(post(url).with(this.ops.basic()), "needs 'until'");
		expectBadRequest(action(url, "{\"until\":", this.ops), "");
		// today is the clock's: a day later, what was tomorrow is today
		this.clock.advance(Duration.ofDays(1));
		expectBadRequest(action(url, "{\"until\":\"" + this.today.plusDays(1) + "\"}", this.ops),
				"'until' must be after today (" + this.today.plusDays(1) + ")");
		assertThat(taskRow(this.open)).isEqualTo(before);
		assertThat(eventCount(this.open)).isZero();
	}

	@Test
	void dismissNeedsAReason() throws Exception {
		String url = "/api/tasks/" + this.open + "/dismiss";
		expectBadRequest(post(url).with(this.ops.basic()), "needs a 'reason'");
		expectBadRequest(action(url, "{\"reason\":\"  \"}", this.ops), "needs a 'reason'");
		expectBadRequest(action(url, "{\"reason\":\"" + "x".repeat(1001) + "\"}", this.ops), "at most 1000");
		assertThat(taskRow(this.open).get("status")).isEqualTo("OPEN");

		this.mvc.perform(action(url, "{\"reason\":\"Customer is migrating, usage dip expected\"}", this.misakiUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISMISSED"))
			.andExpect(jsonPath("$.closeReason").value("Customer is migrating, usage dip expected"))
			.andExpect(jsonPath("$.closedBy").value(this.misakiUser.username()))
			.andExpect(jsonPath("$.history[0].action").value("DISMISS"))
			.andExpect(jsonPath("$.history[0].note").value("Customer is migrating, usage dip expected"));
		assertThat(taskRow(this.open).get("active_key")).isNull();
	}

	@Test
	void reopenEndsASnoozeEarly() throws Exception {
		this.mvc.perform(action("/api/tasks/" + this.snoozed + "/reopen", "{}", this.misakiUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.snoozedUntil").doesNotExist())
			.andExpect(jsonPath("$.history[0].action").value("REOPEN"));
		Map<String, Object> row = taskRow(this.snoozed);
		assertThat(row.get("active_key")).isEqualTo(row.get("dedup_key"));
	}

	@Test
	void actionsTheTaskStateDoesNotAllowAreConflicts() throws Exception {
		expectConflict(action("/api/tasks/" + this.done + "/snooze", "{\"until\":\"" + this.today.plusDays(3) + "\"}",
				this.ops), "Task " + this.done + " is DONE: only an open or snoozed task can be snoozed");
		expectConflict(action("/api/tasks/" + this.done + "/done", "{}", this.ops), "is DONE");
		expectConflict(action("/api/tasks/" + this.autoClosed + "/dismiss", "{\"reason\":\"no\"}", this.ops),
				"is AUTO_CLOSED");
		expectConflict(action("/api/tasks/" + this.open + "/reopen", "{}", this.ops),
				"is OPEN: only a snoozed task can be reopened");
		assertThat(eventCount(this.done) + eventCount(this.autoClosed) + eventCount(this.open)).isZero();

		this.mvc.perform(action("/api/tasks/" + this.open + "/done", "{}", this.ops)).andExpect(status().isOk());
		expectConflict(action("/api/tasks/" + this.open + "/dismiss", "{\"reason\":\"late\"}", this.ops), "is DONE");
	}

	@Test
	void twoClicksAtOnceCannotBothSucceed() throws Exception {
		ExecutorService clicks = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				attempts.add(() -> this.mvc.perform(action("/api/tasks/" + this.open + "/done", "{}", this.ops))
					.andReturn()
					.getResponse()
					.getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : clicks.invokeAll(attempts)) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
		}
		finally {
			clicks.shutdown();
		}
		assertThat(eventCount(this.open)).isEqualTo(1);
	}

	private MockHttpServletRequestBuilder action(String url, String json, SignIn user) {
		return post(url).with(user.basic()).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private void expectTasks(String query, long... taskIds) throws Exception {
		ApiExpectations.expectPage(this.mvc, ApiExpectations.getWithQuery("/api/tasks", query).with(this.ops.basic()),
				taskIds.length, "id", ids(taskIds));
	}

	private void expectBadRequest(MockHttpServletRequestBuilder request, String detail) throws Exception {
		ApiExpectations.expectProblem(this.mvc, request.with(this.ops.basic()), 400, detail);
	}

	private void expectConflict(MockHttpServletRequestBuilder request, String detail) throws Exception {
		ApiExpectations.expectProblem(this.mvc, request, 409, detail);
	}

	private Map<String, Object> taskRow(long taskId) {
		return this.jdbc.queryForMap("SELECT * FROM tasks WHERE id = ?", taskId);
	}

	private int eventCount(long taskId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM task_events WHERE task_id = ?", Integer.class, taskId);
	}

	private static org.hamcrest.Matcher<?> ids(long... taskIds) {
		Integer[] expected = new Integer[taskIds.length];
		for (int i = 0; i < taskIds.length; i++) {
			expected[i] = (int) taskIds[i];
		}
		return contains(expected);
	}

}
