package com.successpilot.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task pages in a real browser on the demo portfolio: a Japanese CSM filters, pages,
 * opens a task and marks it done, snoozes and dismisses others; CS ops reassign and
 * dismiss in bulk. Acts only on the Japanese CSM's tasks (the other page tests read the
 * English CSM's) and checks the rows it changed, not global counts.
 */
@BrowserTest
class TaskPagesBrowserTests {

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
	void aJapaneseCsmFiltersOpensATaskAndMarksItDoneSnoozesAndDismisses() {
		try (Browser browser = Browser.open(this.port, "ja").signIn(this.demo.japaneseCsm().user())) {
			browser.go("/tasks");
			assertThat(browser.find("main h1").getText()).isEqualTo("あなたのタスク");
			List<String> ids = taskIds(browser);
			assertThat(ids).as("the Japanese CSM's open tasks").hasSizeGreaterThanOrEqualTo(3);
			assertThat(this.jdbc.queryForList(
					"SELECT DISTINCT COALESCE(t.assigned_csm_id, a.csm_id) FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE t.id IN ("
							+ String.join(",", ids) + ")",
					Long.class))
				.as("only their own tasks")
				.containsExactly(this.demo.japaneseCsm().id());
			browser.screenshot("tasks");
			browser.phoneWidth(true).screenshot("tasks-phone");
			browser.phoneWidth(false);

			// filter with the form: high priority only
			browser.select("#priority", "高").click("form.filters button[type=submit]");
			assertThat(browser.path()).contains("priority=high");
			assertThat(browser.texts("table.tasks td[data-label=優先度]")).isNotEmpty().containsOnly("高");
			// every status, paged by 50
			browser.go("/tasks?status=ALL");
			if (browser.all("nav.pager a[rel=next]").size() > 0) {
				browser.click("nav.pager a[rel=next]");
				assertThat(browser.path()).contains("page=1").contains("status=ALL");
				assertThat(taskIds(browser)).isNotEmpty();
			}

			// the top task: its steps, its facts in words, done with a note
			browser.go("/tasks/" + ids.get(0));
			assertThat(browser.text()).contains("プレイブックの手順").doesNotContain("facts.");
			browser.screenshot("task-detail-ja");
			browser.type("form[action$='/done'] input[name=note]", "スポンサーと電話で合意").click("form[action$='/done'] button");
			assertThat(browser.find(".notice").getText()).isEqualTo("完了にしました。");
			assertThat(browser.find("table.history").getText()).contains("完了").contains("スポンサーと電話で合意");
			assertThat(status(ids.get(0))).isEqualTo("DONE");

			browser.go("/tasks/" + ids.get(1));
			browser.driver()
				.executeScript("arguments[0].value = arguments[1]",
						browser.find("form[action$='/snooze'] input[name=until]"),
						this.demo.today().plusDays(5).toString());
			browser.click("form[action$='/snooze'] button");
			assertThat(browser.find(".notice").getText()).contains("スヌーズしました");
			assertThat(status(ids.get(1))).isEqualTo("SNOOZED");

			browser.go("/tasks/" + ids.get(2));
			browser.type("form[action$='/dismiss'] input[name=reason]", "先週の定例で対応済み")
				.click("form[action$='/dismiss'] button");
			assertThat(browser.find(".notice").getText()).isEqualTo("却下しました。");
			assertThat(status(ids.get(2))).isEqualTo("DISMISSED");
		}
	}

	@Test
	void csOpsReassignAndDismissTheJapaneseCsmsTasksInBulk() {
		long japanese = this.demo.japaneseCsm().id();
		Map<String, Object> other = this.jdbc.queryForMap(
				"SELECT id, name, email FROM csms WHERE id NOT IN (?, ?) ORDER BY id LIMIT 1", japanese,
				this.demo.englishCsm().id());
		try (Browser ops = Browser.open(this.port, "en").signIn(this.demo.ops())) {
			ops.go("/tasks?csm=" + japanese + "&sort=due");
			assertThat(ops.find("main h1").getText()).isEqualTo("Tasks");
			List<String> ids = taskIds(ops);
			assertThat(ids).as("the Japanese CSM's open tasks").hasSizeGreaterThanOrEqualTo(3);
			ops.click("#select-" + ids.get(0)).click("#select-" + ids.get(1));
			ops.screenshot("tasks-bulk-ops");
			ops.select("#bulk-csm", other.get("name") + " <" + other.get("email") + ">").click("#bulk-reassign");
			assertThat(ops.find(".notice").getText()).isEqualTo("2 tasks reassigned to " + other.get("name") + ".");
			assertThat(ops.path()).contains("csm=" + japanese).contains("sort=due");
			for (String id : ids.subList(0, 2)) {
				assertThat(this.jdbc.queryForObject("SELECT assigned_csm_id FROM tasks WHERE id = ?", Long.class,
						Long.valueOf(id)))
					.isEqualTo(((Number) other.get("id")).longValue());
			}
			// no longer the Japanese CSM's
			assertThat(taskIds(ops)).doesNotContain(ids.get(0), ids.get(1)).contains(ids.get(2));

			ops.click("#select-" + ids.get(2))
				.type("#bulk-reason", "Covered by the account plan")
				.click("#bulk-dismiss");
			assertThat(ops.find(".notice").getText()).isEqualTo("1 task dismissed.");
			assertThat(status(ids.get(2))).isEqualTo("DISMISSED");
			assertThat(this.jdbc.queryForObject("SELECT note FROM task_events WHERE task_id = ? AND action = 'DISMISS'",
					String.class, Long.valueOf(ids.get(2))))
				.isEqualTo("Covered by the account plan");
		}
	}

	@Test
	void everyFactAndThresholdTheStarterRulesReportHasAnEnglishAndAJapaneseLabel() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Set<String> keys = new TreeSet<>();
		for (String evidence : this.jdbc.queryForList("SELECT DISTINCT evidence FROM tasks WHERE evidence IS NOT NULL",
				String.class)) {
			JsonNode node = json.readTree(evidence);
			node.path("facts").properties().forEach((fact) -> keys.add("fact." + fact.getKey()));
			node.path("thresholds").properties().forEach((limit) -> keys.add("threshold." + limit.getKey()));
		}
		assertThat(keys).as("facts and thresholds in the demo tasks' evidence").hasSizeGreaterThan(5);
		Properties english = properties("messages.properties");
		Properties japanese = properties("messages_ja.properties");
		assertThat(keys).as("labels in English").allMatch(english::containsKey);
		assertThat(keys).as("labels in Japanese").allMatch(japanese::containsKey);
	}

	private static Properties properties(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TaskPagesBrowserTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private String status(String taskId) {
		return this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, Long.valueOf(taskId));
	}

	private static List<String> taskIds(Browser browser) {
		return browser.all("tr[data-task]").stream().map((row) -> row.getAttribute("data-task")).toList();
	}

}
