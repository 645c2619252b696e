package com.successpilot.system;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestPortfolio;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input is a 400 problem naming the parameter, never a 500, an internal class name or
 * a silently different value (issue 13, point 4): dates outside 2000-01-01 … 2100-12-31,
 * snoozes beyond the cap, grades and other choices outside their values, and Spring's own
 * errors (no such path, method, missing parameter, wrong type, unreadable body).
 */
@SuccessPilotTest
class BadInputProblemsTests {

	private static final String FAR = "+999999999-12-31";

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

	SignIn ops;

	long task;

	@BeforeEach
	void aTask() {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		long csm = users.csm("misaki@example.com", "Misaki Ito");
		this.ops = users.ops();
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		long account = portfolio.account("ACC-1", "Alpha Foods", "enterprise", csm);
		portfolio.health(account, this.clock.today(), 85, "A", "usage");
		this.task = portfolio.openTask(account, csm);
	}

	@Test
	void aDateParameterOutsideTheRangeIsA400NamingIt() throws Exception {
		problem(get("/api/accounts").param("asOf", FAR).param("renewalWithinDays", "10"), 400,
				allOf(containsString("'asOf'"), containsString("2000-01-01"), containsString("2100-12-31")));
		problem(get("/api/accounts?asOf=1999-12-31"), 400, containsString("'asOf'"));
		problem(get("/api/accounts/1?asOf=2101-01-01"), 400, containsString("'asOf'"));
		problem(get("/api/tasks?dueBefore=9999-12-31"), 400, containsString("'dueBefore'"));
		problem(get("/api/runs?from=0001-01-01"), 400, containsString("'from'"));
		problem(get("/api/runs?to=2026-02-30"), 400, containsString("'to' must be a date (YYYY-MM-DD)"));
		this.mvc.perform(get("/api/accounts?asOf=2100-12-31&renewalWithinDays=10").with(this.ops.basic()))
			.andExpect(status().isOk());
	}

	@Test
	void japaneseReadersReadTheProblemInJapanese() throws Exception {
		this.mvc.perform(get("/api/accounts?asOf=1999-12-31").with(this.ops.basic()).header("Accept-Language", "ja"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("パラメーター「asOf」は 2000-01-01 から 2100-12-31")));
	}

	@Test
	void aSnoozeIsCappedAtNinetyDaysAndNeverStoresAnotherDate() throws Exception {
		String url = "/api/tasks/" + this.task + "/snooze";
		LocalDate today = this.clock.today();
		for (String until : List.of(FAR, "9999-12-31", today.plusDays(91).toString())) {
			problem(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"until\":\"" + until + "\"}"), 400,
					allOf(containsString("at most 90 days ahead"), containsString(today.plusDays(90).toString())));
		}
		assertThat(this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, this.task))
			.isEqualTo("OPEN");
		this.mvc
			.perform(post(url).with(this.ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"until\":\"" + today.plusDays(90) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.snoozedUntil").value(today.plusDays(90).toString()));
	}

	@Test
	void aGradeOutsideTheGradesIsA400ListingThem() throws Exception {
		problem(get("/api/accounts?grade=Z"), 400, containsString("'grade' must be one of A, B, C, D, not 'Z'"));
		this.jdbc.update("UPDATE health_scores SET grade = 'E'");
		this.clock.advance(java.time.Duration.ofMinutes(11));
		this.mvc.perform(get("/api/accounts?grade=e").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].externalId").value("ACC-1"));
		this.mvc.perform(get("/api/accounts?grade=a").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aRunForADateOutsideTheRangeIsRefusedByApiAndCommandLine() throws Exception {
		Integer runsBefore = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
		problem(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"job\":\"nightlyJob\",\"businessDate\":\"" + FAR + "\"}"), 400,
				allOf(containsString("'businessDate'"), containsString("2100-12-31")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
			.isEqualTo(runsBefore);
		Command run = this.commands.stream().filter((c) -> c.name().equals("run")).findFirst().orElseThrow();
		assertThatThrownBy(() -> run.run(
				new CommandArguments(new DefaultApplicationArguments("run", "nightlyJob", "--date=" + FAR)),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'--date' must be a date from 2000-01-01 to 2100-12-31");
	}

	@Test
	void springsOwnErrorsAreProblemsInOurWords() throws Exception {
		problem(get("/api/no-such-thing"), 404, containsString("There is nothing at /api/no-such-thing"));
		problem(delete("/api/accounts"), 405, containsString("does not take DELETE; it takes GET"));
		problem(get("/api/accounts?page=abc"), 400,
				containsString("Parameter 'page' has the value 'abc', which is not a valid whole number"));
		problem(get("/api/accounts/abc"), 400, containsString("'id'"));
		problem(post("/api/tasks/" + this.task + "/snooze").contentType(MediaType.APPLICATION_JSON)
			.content("{\"until\":[1,2]}"), 400, containsString("field 'until'"));
		problem(post("/api/tasks/" + this.task + "/snooze").contentType(MediaType.TEXT_PLAIN).content("x"), 415,
				containsString("application/json"));
	}

	private void problem(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status,
			org.hamcrest.Matcher<? super String> detail) throws Exception {
		ResultActions answer = this.mvc.perform(request.with(this.ops.basic()));
		answer.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").value(detail))
			.andExpect(noInternalNames());
	}

	private static ResultMatcher noInternalNames() {
		return content().string(allOf(not(containsString("java.")), not(containsString("com.successpilot")),
				not(containsString("springframework")), not(containsString("tools.jackson")),
				not(containsString("Exception"))));
	}

}
