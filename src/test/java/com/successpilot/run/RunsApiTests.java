package com.successpilot.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/runs} and {@code /api/schedules}: starting runs in the background, one run
 * per job at a time, progress of a run in progress, restarting a failed run, the contract
 * for bad input, and who may call them.
 */
@SuccessPilotTest
@Import(LatchJob.class)
class RunsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	RunLauncher launcher;

	@Autowired
	LatchJob.Gate gate;

	TestUsers users;

	SignIn ops;

	@BeforeEach
	void usersAndAnOpenGate() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
		this.ops = this.users.ops();
		this.gate.reset();
	}

	@AfterEach
	void letAnyRunFinish() {
		this.gate.open();
		awaitNoRunOf(LatchJob.NAME);
	}

	@Test
	void startAnswers202WithWhereToFollowTheRunWhichCompletes() throws Exception {
		MvcResult started = this.mvc.perform(startLatchJob("2026-05-01", this.ops))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.job").value(LatchJob.NAME))
			.andExpect(jsonPath("$.businessDate").value("2026-05-01"))
			.andExpect(jsonPath("$.runNumber").value(1))
			.andReturn();
		long id = id(started);
		assertThat(started.getResponse().getHeader("Location")).endsWith("/api/runs/" + id);
		assertThat(JsonPath.<String>read(body(started), "$.location")).isEqualTo("/api/runs/" + id);

		awaitNoRunOf(LatchJob.NAME);

		this.mvc.perform(get("/api/runs/" + id).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.exitStatus").value("COMPLETED"))
			.andExpect(jsonPath("$.runNumber").value(1))
			.andExpect(jsonPath("$.durationSeconds").isNumber())
			.andExpect(jsonPath("$.steps[0].name").value("countingStep"))
			.andExpect(jsonPath("$.steps[0].readCount").value(10))
			.andExpect(jsonPath("$.steps[0].writeCount").value(10))
			.andExpect(jsonPath("$.steps[0].commitCount").value(greaterThan(4)))
			.andExpect(jsonPath("$.steps[0].rollbackCount").value(0))
			.andExpect(jsonPath("$.steps[0].progress.items").value(10))
			.andExpect(jsonPath("$.steps[0].progress.total").value(10))
			.andExpect(jsonPath("$.steps[0].progress.percent").value(100.0))
			.andExpect(jsonPath("$.steps[0].progress.etaSeconds").value(0));
	}

	@Test
	void progressOfARunningStepIsVisibleAndASecondRunOfTheJobIsRefused() throws Exception {
		this.gate.holdAfter(4);
		long id = id(
				this.mvc.perform(startLatchJob("2026-05-02", this.ops)).andExpect(status().isAccepted()).andReturn());
		this.gate.awaitHeld();

		this.mvc.perform(get("/api/runs/" + id).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("STARTED"))
			.andExpect(jsonPath("$.steps[0].status").value("STARTED"))
			.andExpect(jsonPath("$.steps[0].progress.items").value(greaterThan(1)))
			.andExpect(jsonPath("$.steps[0].progress.items").value(lessThan(10)))
			.andExpect(jsonPath("$.steps[0].progress.total").value(10))
			.andExpect(jsonPath("$.steps[0].progress.itemsPerSecond").isNumber())
			.andExpect(jsonPath("$.steps[0].progress.etaSeconds").isNumber());
		this.mvc.perform(get("/api/runs?job=" + LatchJob.NAME + "&status=STARTED").with(this.ops.basic()))
			.andExpect(jsonPath("$.runs[*].id").value(hasItem((int) id)));

		// another business date makes no difference: one run of a job at a time
		this.mvc.perform(startLatchJob("2026-05-03", this.ops))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("latchJob for 2026-05-02 is already running")));

		this.gate.open();
		awaitNoRunOf(LatchJob.NAME);
		assertThat(this.jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void twoStartsAtTheSameMomentAcceptExactlyOne() throws Exception {
		this.gate.holdAfter(2);
		CountDownLatch ready = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (String date : List.of("2026-05-04", "2026-05-05")) {
				Callable<Integer> start = () -> {
					ready.await();
					return this.mvc.perform(startLatchJob(date, this.ops)).andReturn().getResponse().getStatus();
				};
				answers.add(callers.submit(start));
			}
			ready.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(202, 409);
		}
		finally {
			callers.shutdown();
		}
		this.gate.open();
		awaitNoRunOf(LatchJob.NAME);
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
						JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
						WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE IN ('2026-05-04', '2026-05-05')
						""",
				Integer.class, LatchJob.NAME))
			.isEqualTo(1);
	}

	@Test
	void restartOfAFailedRunContinuesWhereItStoppedWithTheSameRunNumber() throws Exception {
		this.gate.failAt = 7;
		long failed = id(
				this.mvc.perform(startLatchJob("2026-05-06", this.ops)).andExpect(status().isAccepted()).andReturn());
		awaitNoRunOf(LatchJob.NAME);
		this.mvc.perform(get("/api/runs/" + failed).with(this.ops.basic()))
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.steps[0].writeCount").value(6))
			.andExpect(jsonPath("$.steps[0].rollbackCount").value(greaterThan(0)));

		this.gate.failAt = -1;
		MvcResult restarted = this.mvc.perform(post("/api/runs/" + failed + "/restart").with(this.ops.basic()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.runNumber").value(1))
			.andExpect(jsonPath("$.businessDate").value("2026-05-06"))
			.andReturn();
		long resumed = id(restarted);
		awaitNoRunOf(LatchJob.NAME);

		assertThat(resumed).isNotEqualTo(failed);
		this.mvc.perform(get("/api/runs/" + resumed).with(this.ops.basic()))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.runNumber").value(1))
			.andExpect(jsonPath("$.attempts").value(org.hamcrest.Matchers.contains((int) failed, (int) resumed)))
			// the six items committed before the failure are not read again
			.andExpect(jsonPath("$.steps[0].readCount").value(4))
			.andExpect(jsonPath("$.steps[0].writeCount").value(4));

		this.mvc.perform(post("/api/runs/" + failed + "/restart").with(this.ops.basic()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("is COMPLETED")));
	}

	@Test
	void aRunRefusedByItsPreflightIs422WithTheReport() throws Exception {
		this.gate.refuse = true;
		this.mvc.perform(startLatchJob("2026-05-07", this.ops))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("did not start")))
			.andExpect(jsonPath("$.report[1]").value("latch.yml:3: not a latch"));
		assertThat(this.launcher.isGoing(LatchJob.NAME)).isFalse();
	}

	@Test
	void listFiltersByJobStatusAndBusinessDateAndPages() throws Exception {
		this.launcher.run(LatchJob.NAME, java.time.LocalDate.of(2026, 6, 1), false);
		this.launcher.run(LatchJob.NAME, java.time.LocalDate.of(2026, 6, 2), false);
		this.launcher.run(LatchJob.NAME, java.time.LocalDate.of(2026, 6, 2), false);

		this.mvc
			.perform(get("/api/runs").param("job", LatchJob.NAME)
				.param("from", "2026-06-02")
				.param("to", "2026-06-02")
				.param("status", "completed")
				.param("size", "1")
				.with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.runs.length()").value(1))
			.andExpect(jsonPath("$.runs[0].job").value(LatchJob.NAME))
			.andExpect(jsonPath("$.runs[0].businessDate").value("2026-06-02"))
			.andExpect(jsonPath("$.runs[0].runNumber").value(2))
			.andExpect(jsonPath("$.runs[0].status").value("COMPLETED"))
			.andExpect(jsonPath("$.runs[0].exitStatus").value("COMPLETED"))
			.andExpect(jsonPath("$.runs[0].startTime").isString())
			.andExpect(jsonPath("$.runs[0].durationSeconds").isNumber());
		this.mvc
			.perform(get("/api/runs").param("job", LatchJob.NAME)
				.param("from", "2026-06-02")
				.param("to", "2026-06-02")
				.param("page", "1")
				.param("size", "1")
				.with(this.ops.basic()))
			.andExpect(jsonPath("$.runs[0].runNumber").value(1));
		this.mvc
			.perform(get("/api/runs").param("status", "FAILED")
				.param("job", LatchJob.NAME)
				.param("from", "2026-06-01")
				.param("to", "2026-06-02")
				.with(this.ops.basic()))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void badInputIsAClearClientErrorNeverA500() throws Exception {
		this.mvc.perform(start("{\"job\":\"noSuchJob\"}", this.ops))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("There is no job called 'noSuchJob'")));
		this.mvc.perform(start("{\"job\":\"latchJob\",\"businessDate\":\"23/11/2026\"}", this.ops))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("'businessDate' must be a date like")));
		this.mvc.perform(start("{\"businessDate\":\"2026-11-23\"}", this.ops))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("'job' is required")));
		this.mvc.perform(start("{oops", this.ops)).andExpect(status().isBadRequest());
		this.mvc.perform(start("{\"job\":\"latchJob\",\"fresh\":\"maybe\"}", this.ops))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/runs/abc").with(this.ops.basic())).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/runs/987654321").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("no run with execution id 987654321")));
		this.mvc.perform(post("/api/runs/987654321/restart").with(this.ops.basic())).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/runs/abc/restart").with(this.ops.basic())).andExpect(status().isBadRequest());
		for (String query : List.of("status=FINE", "job=noSuchJob", "from=2026-13-01", "to=yesterday", "page=-1",
				"size=0", "size=1000", "page=x", "from=2026-06-02&to=2026-06-01")) {
			this.mvc.perform(get("/api/runs?" + query).with(this.ops.basic()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").isString());
		}
	}

	@Test
	void schedulesListEveryJobWithItsCronZoneAndNextFireTimes() throws Exception {
		this.mvc.perform(get("/api/schedules").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.job == 'nightlyJob')].cron").value(hasItem("0 30 1 * * *")))
			.andExpect(jsonPath("$[?(@.job == 'nightlyJob')].timeZone").value(hasItem("Asia/Tokyo")))
			.andExpect(jsonPath("$[?(@.job == 'nightlyJob')].nextFireTime").value(hasItem(endsWith("+09:00"))))
			.andExpect(jsonPath("$[?(@.job == 'nightlyJob')].nextFireTimes.length()").value(hasItem(3)))
			.andExpect(jsonPath("$[?(@.job == 'renewalJob')].scheduled").value(hasItem(true)))
			.andExpect(jsonPath("$[?(@.job == 'importJob')].scheduled").value(hasItem(false)));
	}

	@Test
	void onlyOperationsAndAdministratorsManageRuns() throws Exception {
		this.users.csm("misaki.sato@example.com", "佐藤 美咲");
		SignIn csm = this.users.csmUser("misaki.sato@example.com");
		SignIn admin = this.users.admin();
		long run = this.launcher.run(LatchJob.NAME, java.time.LocalDate.of(2026, 7, 1), false).getId();
		List<String> reads = List.of("/api/runs", "/api/runs/" + run, "/api/schedules");

		for (String url : reads) {
			this.mvc.perform(get(url)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(url).with(csm.basic())).andExpect(status().isForbidden());
			this.mvc.perform(get(url).with(this.ops.basic())).andExpect(status().isOk());
			this.mvc.perform(get(url).with(admin.basic())).andExpect(status().isOk());
		}
		// a browser's request with its CSRF token but no session is asked to sign in
		this.mvc.perform(
				post("/api/runs").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(latchJob("2026-07-02")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(startLatchJob("2026-07-02", csm)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/runs/" + run + "/restart").with(csrf())).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/runs/" + run + "/restart").with(csm.basic())).andExpect(status().isForbidden());
		for (SignIn allowed : List.of(this.ops, admin)) {
			this.mvc.perform(startLatchJob("2026-07-02", allowed)).andExpect(status().isAccepted());
			awaitNoRunOf(LatchJob.NAME);
			// authorised; refused only because that run completed
			this.mvc.perform(post("/api/runs/" + run + "/restart").with(allowed.basic()))
				.andExpect(status().isConflict());
		}
	}

	private org.springframework.test.web.servlet.RequestBuilder startLatchJob(String date, SignIn user) {
		return start(latchJob(date), user);
	}

	private static String latchJob(String date) {
		return "{\"job\":\"" + LatchJob.NAME + "\",\"businessDate\":\"" + date + "\"}";
	}

	private static org.springframework.test.web.servlet.RequestBuilder start(String json, SignIn user) {
		return post("/api/runs").with(user.basic()).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private void awaitNoRunOf(String job) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !this.launcher.isGoing(job));
	}

	private static long id(MvcResult result) throws Exception {
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

}
