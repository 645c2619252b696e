package com.successpilot.web;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.rules.LiveRuleSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CS ops pages in a real browser on the demo nights: start a run of today's night
 * again and watch its page follow it to the end, a run's steps and rule firings, the
 * rules page with the version in force and the preview of rules/ on the latest night, and
 * the playbook results with numbers checked against the tasks table. The rollback is
 * proven in {@code RulePagesTests} on a copy of the rules: this application reads the
 * project's own rules/ directory, which a test must not rewrite.
 */
@BrowserTest
class OpsPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LiveRuleSet live;

	@Autowired
	Clock clock;

	DemoNights demo;

	@BeforeEach
	void demoNights() {
		this.demo = DemoNights.of(this.context);
	}

	@Test
	void opsStartsTodaysNightAgainAndItsPageFollowsItToTheEnd() {
		try (Browser ops = Browser.open(this.port, "en").signIn(this.demo.ops())) {
			ops.go("/runs");
			assertThat(ops.find("main h1").getText()).isEqualTo("Runs");
			assertThat(ops.all("#runs tbody tr")).as("the three demo nights").hasSizeGreaterThanOrEqualTo(3);
			assertThat(ops.find("#start-date").getAttribute("value")).as("the schedule's business date").isNotEmpty();
			assertThat(served(ops)).isPositive();
			ops.screenshot("runs");
			// the demo's last night, again: it changes nothing
			ops.driver()
				.executeScript("arguments[0].value = arguments[1]", ops.find("#start-date"),
						this.demo.today().toString());

			ops.click("#start-run button[type=submit]");
			assertThat(ops.path()).matches("/runs/\\d+");
			assertThat(ops.find("[role=status]").getText()).startsWith("Started nightlyJob for " + this.demo.today());
			long id = Long.parseLong(ops.path().substring("/runs/".length()));
			new WebDriverWait(ops.driver(), Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(500))
				.ignoring(StaleElementReferenceException.class)
				.ignoring(NoSuchElementException.class)
				.until((driver) -> "completed".equals(ops.find("#run-status").getText()));
			assertThat(ops.path()).isEqualTo("/runs/" + id);
			assertThat(ops.texts("#steps tbody td:first-child")).contains("accountsImportStep", "accountMetricsStep",
					"accountJudgementStep", "attentionStep", "mailDeliveryStep");
			long rules = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM rule_firings f JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = f.run_id"
							+ " WHERE e.JOB_EXECUTION_ID = ?",
					Long.class, id);
			assertThat(rules).as("every rule of the set has a firing line").isPositive();
			assertThat(ops.all("#firings tbody tr")).hasSize((int) rules);
			assertThat(ops.find("#tasks-raised").getText()).as("the same night again raises nothing new")
				.isEqualTo("0");
			assertThat(ops.all("#run-live")).as("no longer following a finished run").isEmpty();
			ops.go("/runs/" + id);
			assertThat(served(ops)).isPositive();
			ops.screenshot("run-detail");
		}
	}

	@Test
	void theRulesPageShowsTheVersionInForceAndPreviewsTheFilesOnTheLatestNight() {
		try (Browser ops = Browser.open(this.port, "en").signIn(this.demo.ops())) {
			ops.go("/rules");
			assertThat(ops.find("#live-version").getText()).isEqualTo(this.live.current().version());
			assertThat(ops.find("#validation").getText()).isEqualTo("valid");
			assertThat(ops.find("#scenario-summary").getText()).startsWith("all ").endsWith(" passed");
			assertThat(served(ops)).isPositive();
			ops.screenshot("rules");

			ops.click("form[action='/rules/preview'] button");
			assertThat(ops.path()).startsWith("/rules/preview");
			assertThat(ops.find("#preview-summary").getText()).contains("on the facts of " + this.demo.today())
				.contains("(" + DemoNights.ACCOUNTS + " accounts)");
			// the files are the set in force: both sides do the same
			assertThat(ops.texts("#preview-counts tbody tr:first-child td"))
				.isEqualTo(ops.texts("#preview-counts tbody tr:nth-child(2) td"));
			assertThat(served(ops)).isPositive();
			ops.screenshot("rules-preview");
		}
	}

	@Test
	void thePlaybookResultsMatchTheTasksTableAndReadOnAPhone() {
		try (Browser ops = Browser.open(this.port, "ja").signIn(this.demo.ops())) {
			ops.go("/results?days=30");
			assertThat(ops.find("main h1").getText()).isEqualTo("プレイブックの成果");
			assertThat(ops.all("#results tbody tr")).as("the demo nights raised tasks").isNotEmpty();
			LocalDate since = LocalDate.now(this.clock).minusDays(30);
			for (WebElement row : ops.all("#results tbody tr")) {
				String playbook = row.getAttribute("data-playbook");
				String version = row.getAttribute("data-version");
				long raised = count("", playbook, version, since);
				long done = count(" AND status = 'DONE'", playbook, version, since);
				long dismissed = count(" AND status = 'DISMISSED'", playbook, version, since);
				assertThat(number(row, "raised")).as(playbook).isEqualTo(raised);
				assertThat(number(row, "done")).as(playbook).isEqualTo(done);
				assertThat(row.findElement(org.openqa.selenium.By.cssSelector("[data-field=dismissed] .number"))
					.getText()
					.replace(",", "")).as(playbook).isEqualTo(String.valueOf(dismissed));
			}
			assertThat(served(ops)).isPositive();
			ops.screenshot("results");
			ops.phoneWidth(true);
			assertThat(ops.find("header nav").isDisplayed()).isTrue();
			ops.screenshot("results-phone-ja");
		}
	}

	/**
	 * How long the server took for the page shown (request sent to the last byte
	 * received), from the browser's navigation timing; printed for the record.
	 */
	private static double served(Browser browser) {
		Number millis = (Number) browser.driver()
			.executeScript("const t = performance.getEntriesByType('navigation')[0];"
					+ " return t.responseEnd - t.requestStart;");
		System.out.printf("ops page %s served in %.0f ms%n", browser.path(), millis.doubleValue());
		return millis.doubleValue();
	}

	private long count(String condition, String playbook, String version, LocalDate since) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks WHERE playbook = ? AND created_rules_version = ?"
				+ " AND created_on >= ?" + condition, Long.class, playbook, version, Date.valueOf(since));
	}

	private static long number(WebElement row, String field) {
		return Long.parseLong(row.findElement(org.openqa.selenium.By.cssSelector("[data-field=" + field + "]"))
			.getText()
			.replace(",", ""));
	}

}
