package com.successpilot.account;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The accounts API: the list with its filters and pages, one account in detail, and bad
 * input answered with a 400 that names the parameter.
 */
@SuccessPilotTest
class AccountsApiTests {

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

	long misaki;

	long kenta;

	long alpha;

	long bravo;

	long charlie;

	long openTask;

	long snoozedTask;

	long doneTask;

	@BeforeEach
	void portfolio() {
		TestData.deleteAll(this.jdbc);
		this.today = this.clock.today();
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		TestPortfolio portfolio = new TestPortfolio(this.jdbc, this.clock);
		this.misaki = users.csm("misaki.sato@example.com", "佐藤 美咲");
		this.kenta = users.csm("kenta.tanaka@example.com", "Kenta Tanaka");
		this.ops = users.ops();

		this.alpha = portfolio.account("ACC-1", "Alpha Foods", "enterprise", this.misaki);
		portfolio.contract(this.alpha, this.today.minusDays(300), this.today.plusDays(45), "30000");
		portfolio.contract(this.alpha, this.today.minusDays(100), this.today.plusDays(200), "6000");
		portfolio.contract(this.alpha, this.today.minusDays(800), this.today.minusDays(400), "25000", "expired");
		portfolio.health(this.alpha, this.today.minusDays(2), 70, "B", "usage depth: 40% of seats used");
		portfolio.health(this.alpha, this.today.minusDays(1), 85, "A", null);
		portfolio.facts(this.alpha, this.today.minusDays(2), this.today.plusDays(45));
		portfolio.facts(this.alpha, this.today.minusDays(1), this.today.plusDays(45));
		this.doneTask = portfolio.task(this.alpha, this.misaki, "nps-detractor-call", "risk", "high",
				this.today.minusDays(5), "DONE");
		this.snoozedTask = portfolio.snoozedTask(this.alpha, this.misaki);
		this.openTask = portfolio.openTask(this.alpha, this.misaki);

		this.bravo = portfolio.account("ACC-2", "Bravo Logistics", "smb", this.misaki);
		portfolio.contract(this.bravo, this.today.minusDays(100), this.today.plusDays(200), "12000");
		portfolio.health(this.bravo, this.today.minusDays(1), 50, "C", "support effort: 8 open tickets (limit 5)");

		this.charlie = portfolio.account("ACC-3", "Charlie 100% Tools", "mid-market", this.kenta);
	}

	@Test
	void listShowsEachAccountWithItsCsmRenewalHealthAndTasks() throws Exception {
		this.mvc.perform(get("/api/accounts").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.items[*].externalId").value(contains("ACC-1", "ACC-2", "ACC-3")))
			.andExpect(jsonPath("$.items[0].id").value(this.alpha))
			.andExpect(jsonPath("$.items[0].name").value("Alpha Foods"))
			.andExpect(jsonPath("$.items[0].segment").value("enterprise"))
			.andExpect(jsonPath("$.items[0].lifecycleStage").value("adoption"))
			.andExpect(jsonPath("$.items[0].csm.id").value(this.misaki))
			.andExpect(jsonPath("$.items[0].csm.name").value("佐藤 美咲"))
			.andExpect(jsonPath("$.items[0].csm.email").value("misaki.sato@example.com"))
			.andExpect(jsonPath("$.items[0].arr").value(36000.0))
			.andExpect(jsonPath("$.items[0].currency").value("USD"))
			.andExpect(jsonPath("$.items[0].renewalDate").value(this.today.plusDays(45).toString()))
			.andExpect(jsonPath("$.items[0].daysToRenewal").value(45))
			.andExpect(jsonPath("$.items[0].health.grade").value("A"))
			.andExpect(jsonPath("$.items[0].health.score").value(85.0))
			.andExpect(jsonPath("$.items[0].health.outcomeScore").value(80.0))
			.andExpect(jsonPath("$.items[0].health.experienceScore").value(90.0))
			.andExpect(jsonPath("$.items[0].health.runDate").value(this.today.minusDays(1).toString()))
			.andExpect(jsonPath("$.items[0].openTasks").value(1))
			.andExpect(jsonPath("$.items[0].snoozedTasks").value(1))
			.andExpect(jsonPath("$.items[1].health.draggedDownBy").value("support effort: 8 open tickets (limit 5)"))
			.andExpect(jsonPath("$.items[2].csm.email").value("kenta.tanaka@example.com"))
			.andExpect(jsonPath("$.items[2].renewalDate").doesNotExist())
			.andExpect(jsonPath("$.items[2].health").doesNotExist())
			.andExpect(jsonPath("$.items[2].openTasks").value(0));
	}

	@Test
	void filtersNarrowTheList() throws Exception {
		expectAccounts("csm=misaki.sato@example.com", "ACC-1", "ACC-2");
		expectAccounts("csm=MISAKI.SATO@example.com", "ACC-1", "ACC-2");
		expectAccounts("csm=" + this.kenta, "ACC-3");
		expectAccounts("csm=nobody@example.com");
		expectAccounts("segment=SMB", "ACC-2");
		expectAccounts("grade=c", "ACC-2");
		expectAccounts("grade=B");
		expectAccounts("renewalWithinDays=60", "ACC-1");
		expectAccounts("renewalWithinDays=44");
		expectAccounts("renewalWithinDays=30&asOf=" + this.today.plusDays(20), "ACC-1");
		expectAccounts("q=brav", "ACC-2");
		expectAccounts("q=acc-3", "ACC-3");
		expectAccounts("q=100%", "ACC-3");
		expectAccounts("q=0%_");
		expectAccounts("csm=misaki.sato@example.com&segment=enterprise&grade=A", "ACC-1");
	}

	@Test
	void asOfMovesTheRenewalWindow() throws Exception {
		this.mvc.perform(get("/api/accounts?q=alpha&asOf=" + this.today.plusDays(20)).with(this.ops.basic()))
			.andExpect(jsonPath("$.items[0].daysToRenewal").value(25))
			.andExpect(jsonPath("$.items[0].renewalDate").value(this.today.plusDays(45).toString()));
		// without asOf, counted from the clock's today: twenty days later, the same
		this.clock.advance(Duration.ofDays(20));
		this.mvc.perform(get("/api/accounts?q=alpha").with(this.ops.basic()))
			.andExpect(jsonPath("$.items[0].daysToRenewal").value(25));
		// after the first contract ended, only the second one is active
		this.mvc.perform(get("/api/accounts?q=alpha&asOf=" + this.today.plusDays(50)).with(this.ops.basic()))
			.andExpect(jsonPath("$.items[0].renewalDate").value(this.today.plusDays(200).toString()))
			.andExpect(jsonPath("$.items[0].arr").value(6000.0));
	}

	@Test
	void pagesAreStableAndCounted() throws Exception {
		this.mvc.perform(get("/api/accounts?size=2").with(this.ops.basic()))
			.andExpect(jsonPath("$.items[*].externalId").value(contains("ACC-1", "ACC-2")))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/accounts?size=2&page=1").with(this.ops.basic()))
			.andExpect(jsonPath("$.items[*].externalId").value(contains("ACC-3")))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/accounts?size=2&page=7").with(this.ops.basic()))
			.andExpect(jsonPath("$.items", hasSize(0)))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/accounts?size=500").with(this.ops.basic())).andExpect(status().isOk());
	}

	@Test
	void badParametersAreRefusedNamingTheParameter() throws Exception {
		expectBadRequest("/api/accounts?page=-1", "'page'");
		expectBadRequest("/api/accounts?page=first", "'page'");
		expectBadRequest("/api/accounts?size=0", "'size'");
		expectBadRequest("/api/accounts?size=501", "between 1 and 500");
		expectBadRequest("/api/accounts?renewalWithinDays=-1", "'renewalWithinDays'");
		expectBadRequest("/api/accounts?renewalWithinDays=soon", "'renewalWithinDays'");
		expectBadRequest("/api/accounts?renewalWithinDays=99999999999", "'renewalWithinDays'");
		expectBadRequest("/api/accounts?asOf=2026-13-01", "'asOf'");
		expectBadRequest("/api/accounts/" + this.alpha + "?healthLimit=0", "'healthLimit'");
		expectBadRequest("/api/accounts/" + this.alpha + "?taskLimit=501", "'taskLimit'");
		expectBadRequest("/api/accounts/" + this.alpha + "?asOf=yesterday", "'asOf'");
		expectBadRequest("/api/accounts/ACC-1", "'id'");
	}

	@Test
	void detailShowsContractsLatestFactsHealthHistoryAndTasks() throws Exception {
		this.mvc.perform(get("/api/accounts/" + this.alpha).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(this.alpha))
			.andExpect(jsonPath("$.externalId").value("ACC-1"))
			.andExpect(jsonPath("$.industry").value("retail"))
			.andExpect(jsonPath("$.csm.email").value("misaki.sato@example.com"))
			.andExpect(jsonPath("$.renewalDate").value(this.today.plusDays(45).toString()))
			.andExpect(jsonPath("$.daysToRenewal").value(45))
			.andExpect(jsonPath("$.asOf").value(this.today.toString()))
			.andExpect(jsonPath("$.health.grade").value("A"))
			.andExpect(jsonPath("$.contracts", hasSize(3)))
			.andExpect(jsonPath("$.contracts[0].endDate").value(this.today.plusDays(200).toString()))
			.andExpect(jsonPath("$.contracts[0].product").value("Platform"))
			.andExpect(jsonPath("$.contracts[0].licensedSeats").value(20))
			.andExpect(jsonPath("$.contracts[0].autoRenew").value(true))
			.andExpect(jsonPath("$.contracts[2].status").value("expired"))
			// the facts of the newest run date, named as in rules/README.md
			.andExpect(jsonPath("$.latestFacts.runDate").value(this.today.minusDays(1).toString()))
			.andExpect(jsonPath("$.latestFacts.accountId").value("ACC-1"))
			.andExpect(jsonPath("$.latestFacts.daysToRenewal").value(46))
			.andExpect(jsonPath("$.latestFacts.activeUsers30d").value(8.0))
			.andExpect(jsonPath("$.latestFacts.seatUtilisationPct").value(60.0))
			.andExpect(jsonPath("$.latestFacts.activeUsersTrendPct").value(20.0))
			.andExpect(jsonPath("$.latestFacts.daysSinceLastLogin").value(1))
			.andExpect(jsonPath("$.latestFacts.openTickets").value(2))
			.andExpect(jsonPath("$.latestFacts.latestNps").value(9))
			.andExpect(jsonPath("$.latestFacts.npsChange").value(2))
			.andExpect(jsonPath("$.latestFacts.autoRenew").value(true))
			.andExpect(jsonPath("$.healthHistory[*].grade").value(contains("A", "B")))
			.andExpect(jsonPath("$.healthHistory[1].draggedDownBy").value("usage depth: 40% of seats used"))
			.andExpect(jsonPath("$.healthHistory[1].rulesVersion").value("abcdef123456"))
			// open and snoozed first (by due date), then closed
			.andExpect(jsonPath("$.tasks[*].id")
				.value(contains((int) this.openTask, (int) this.snoozedTask, (int) this.doneTask)))
			.andExpect(jsonPath("$.tasks[0].status").value("OPEN"))
			.andExpect(jsonPath("$.tasks[0].why").value(containsString("No first value")));
	}

	@Test
	void detailLimitsHealthHistoryAndTasks() throws Exception {
		this.mvc.perform(get("/api/accounts/" + this.alpha + "?healthLimit=1&taskLimit=2").with(this.ops.basic()))
			.andExpect(jsonPath("$.healthHistory", hasSize(1)))
			.andExpect(jsonPath("$.healthHistory[0].runDate").value(this.today.minusDays(1).toString()))
			.andExpect(jsonPath("$.tasks", hasSize(2)));
	}

	@Test
	void accountNeverJudgedHasNoFactsNorHealthYet() throws Exception {
		this.mvc.perform(get("/api/accounts/" + this.charlie).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latestFacts").doesNotExist())
			.andExpect(jsonPath("$.health").doesNotExist())
			.andExpect(jsonPath("$.healthHistory", hasSize(0)))
			.andExpect(jsonPath("$.contracts", hasSize(0)))
			.andExpect(jsonPath("$.tasks", hasSize(0)));
	}

	@Test
	void unknownAccountIsNotFound() throws Exception {
		this.mvc.perform(get("/api/accounts/999999").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No account with id 999999"));
	}

	@Test
	void csmListsOnlyTheirOwnAccounts() throws Exception {
		SignIn misakiUser = new TestUsers(this.userAccounts, this.jdbc).csmUser("misaki.sato@example.com");
		this.mvc.perform(get("/api/accounts").with(misakiUser.basic()))
			.andExpect(jsonPath("$.items[*].externalId").value(contains("ACC-1", "ACC-2")))
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(get("/api/accounts?csm=kenta.tanaka@example.com").with(misakiUser.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)))
			.andExpect(jsonPath("$.total").value(0));
	}

	/**
	 * @param query {@code name=value} pairs joined by {@code &}, sent as parameters (so
	 * {@code %} is a plain character)
	 */
	private void expectAccounts(String query, String... externalIds) throws Exception {
		ApiExpectations.expectPage(this.mvc,
				ApiExpectations.getWithQuery("/api/accounts", query).with(this.ops.basic()), externalIds.length,
				"externalId", contains((Object[]) externalIds));
	}

	private void expectBadRequest(String url, String detail) throws Exception {
		ApiExpectations.expectProblem(this.mvc, get(url).with(this.ops.basic()), 400, detail);
	}

}
