package com.successpilot.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSM's account pages in a real browser on the demo nights: My day, the portfolio
 * (filter, sort, search, page, CSV link), an account's page with its charts, renewals; a
 * CSM sees only their own accounts, OPS narrows to one CSM. Reads only: no test here
 * changes data the other browser tests look at.
 */
@BrowserTest
class PortfolioPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	DemoNights demo;

	@BeforeEach
	void demoNights() {
		this.demo = DemoNights.of(this.context);
	}

	@Test
	void aCsmsDayAndPortfolioHoldOnlyTheirAccountsAndFilterSortAndSearch() {
		DemoNights.Csm csm = this.demo.englishCsm();
		Set<String> own = Set.copyOf(accountNames(csm.id()));
		try (Browser browser = Browser.open(this.port, "en").signIn(csm.user())) {
			browser.go("/");
			assertThat(browser.find("main h1").getText()).startsWith("Your day, " + this.demo.today());
			assertThat(browser.texts("main h2")).contains("Today's tasks, highest score first", "Overdue",
					"Renewals in the next 120 days", "Health grade dropped since last week");
			List<String> dayAccounts = browser.texts("#ranked .muted a");
			assertThat(dayAccounts).isNotEmpty();
			assertThat(own).containsAll(dayAccounts);
			browser.screenshot("home");

			browser.follow("Portfolio");
			assertThat(browser.path()).isEqualTo("/portfolio");
			List<String> shown = browser.texts("table.portfolio-table tbody td:first-child a");
			assertThat(shown).hasSize(Math.min(own.size(), 50));
			assertThat(own).containsAll(shown);
			assertThat(browser.text()).contains(own.size() + " accounts");
			browser.screenshot("portfolio");

			browser.select("#grade", "C").click("form.filters button[type=submit]");
			List<String> grades = browser.texts("table.portfolio-table tbody td:nth-child(2) .grade");
			assertThat(grades).isNotEmpty().allMatch("C"::equals);

			browser.go("/portfolio").follow("ARR").follow("ARR ▲");
			assertThat(browser.path()).contains("sort=arr").contains("dir=desc");
			List<Long> arr = browser.texts("table.portfolio-table tbody td:nth-child(4)")
				.stream()
				.filter((text) -> !text.isBlank())
				.map((text) -> Long.parseLong(text.replaceAll("[^0-9]", "")))
				.toList();
			assertThat(arr).hasSizeGreaterThan(2);
			assertThat(arr).isSortedAccordingTo((a, b) -> Long.compare(b, a));

			String someName = shown.get(shown.size() / 2);
			String part = someName.substring(0, Math.min(5, someName.length())).toUpperCase();
			browser.go("/portfolio").type("#q", part).click("form.filters button[type=submit]");
			assertThat(browser.texts("table.portfolio-table tbody td:first-child a")).contains(someName)
				.allMatch((name) -> name.toUpperCase().contains(part));
			assertThat(browser.find("#csv").getAttribute("href")).contains("/portfolio.csv?q=");

			browser.go("/portfolio?sort=arrr");
			assertThat(browser.find(".problem").getText()).contains("Parameter 'sort' must be one of");
			browser.go("/portfolio").phoneWidth(true);
			assertThat(browser.find("table.portfolio-table td[data-label=ARR]").isDisplayed()).isTrue();
			browser.screenshot("portfolio-phone");
			browser.phoneWidth(false);
		}
	}

	@Test
	void theAccountPageShowsHealthTrendFactsGoalsAndTasksAndAnotherCsmsAccountIsNotFound() {
		DemoNights.Csm csm = this.demo.englishCsm();
		long own = this.jdbc.queryForObject(
				"SELECT MIN(a.id) FROM accounts a JOIN success_goals g ON g.account_id = a.id" + " WHERE a.csm_id = ?",
				Long.class, csm.id());
		long others = this.jdbc.queryForObject("SELECT MIN(id) FROM accounts WHERE csm_id = ?", Long.class,
				this.demo.japaneseCsm().id());
		try (Browser browser = Browser.open(this.port, "en").signIn(csm.user())) {
			browser.go("/portfolio?q=" + accountExternalId(own)).click("table.portfolio-table tbody td:first-child a");
			assertThat(browser.path()).isEqualTo("/accounts/" + own);
			assertThat(browser.find("header nav a[aria-current=page]").getText()).isEqualTo("Portfolio");
			assertThat(browser.all("#health svg.chart polyline")).hasSize(3);
			assertThat(browser.find("#health svg.chart").getAttribute("aria-label")).contains("over 3 runs");
			assertThat(browser.texts("#facts table.facts th")).contains("Open support tickets")
				.doesNotContain("openTickets");
			assertThat(browser.texts("#facts table.thresholds td:nth-child(3)")).isNotEmpty()
				.allMatch((source) -> source.contains("default") || source.startsWith("agreed with the customer"));
			assertThat(browser.all("#goals article.goal")).isNotEmpty();
			assertThat(browser.all("#goals svg.goal-chart rect")).isNotEmpty();
			assertThat(browser.text()).contains("Contracts and renewal", "NPS answers", "Tasks, open and closed");
			browser.screenshot("account-360");

			browser.go("/accounts/" + others);
			assertThat(browser.find("main h1").getText()).isEqualTo("Not found");
			assertThat(browser.text()).doesNotContain(accountName(others));
		}
	}

	@Test
	void renewalsShowTheBucketsAndOpsNarrowsThePagesToOneCsm() {
		DemoNights.Csm japanese = this.demo.japaneseCsm();
		Set<String> theirs = Set.copyOf(accountNames(japanese.id()));
		try (Browser csm = Browser.open(this.port, "en").signIn(this.demo.englishCsm().user());
				Browser ops = Browser.open(this.port, "en").signIn(this.demo.ops())) {
			csm.go("/renewals");
			assertThat(csm.texts("main section.bucket h2 > span:first-child")).containsExactly("In 0–30 days",
					"In 31–60 days", "In 61–90 days", "In 91–120 days");
			List<String> renewing = csm.texts("section.bucket tbody td:first-child a");
			assertThat(renewing).isNotEmpty();
			assertThat(Set.copyOf(accountNames(this.demo.englishCsm().id()))).containsAll(renewing);
			assertThat(csm.texts("section.bucket td.playbook")).isNotEmpty();
			csm.screenshot("renewals");

			ops.go("/portfolio").select("#csm", japanese.name()).click("form.filters button[type=submit]");
			List<String> shown = ops.texts("table.portfolio-table tbody td:first-child a");
			assertThat(shown).isNotEmpty();
			assertThat(theirs).containsAll(shown);
			ops.go("/renewals").select("#csm", japanese.name()).click("form.filters button[type=submit]");
			assertThat(theirs).containsAll(ops.texts("section.bucket tbody td:first-child a"));
		}
	}

	@Test
	void aJapaneseReadingCsmSearchesTheirPortfolioInJapanese() {
		DemoNights.Csm csm = this.demo.japaneseCsm();
		List<String> own = accountNames(csm.id());
		String name = own.get(0);
		String part = name.length() > 3 ? name.substring(1, 3) : name;
		try (Browser browser = Browser.open(this.port, "ja").signIn(csm.user())) {
			browser.go("/portfolio");
			assertThat(browser.find("main h1").getText()).isEqualTo("担当アカウント");
			browser.type("#q", part).click("form.filters button[type=submit]");
			List<String> found = browser.texts("table.portfolio-table tbody td:first-child a");
			assertThat(found).contains(name).allMatch((shown) -> shown.contains(part));
			browser.go("/");
			assertThat(browser.texts("main h2")).contains("期限切れ", "120 日以内の更新");
		}
	}

	private List<String> accountNames(long csmId) {
		return this.jdbc.queryForList("SELECT name FROM accounts WHERE csm_id = ? ORDER BY name", String.class, csmId);
	}

	private String accountName(long id) {
		return this.jdbc.queryForObject("SELECT name FROM accounts WHERE id = ?", String.class, id);
	}

	private String accountExternalId(long id) {
		return this.jdbc.queryForObject("SELECT external_id FROM accounts WHERE id = ?", String.class, id);
	}

}
