package com.successpilot.judgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.rules.RuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.UserAccounts;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * A preview of a rule change predicts exactly what the night then does with the change
 * live — the same tasks created, closed and re-prioritised — and writes nothing; an
 * invalid draft is refused with file and line; only CS ops may ask.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class RuleChangePreviewTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final List<String> WRITTEN = List.of("tasks", "task_events", "health_scores", "rule_firings",
			"rule_errors", "mail_outbox", "account_facts", "attention_ledger");

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	RuleChangePreview preview;

	@Autowired
	@Qualifier("previewCommand")
	Command previewCommand;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	@BeforeEach
	void twoNightsJudgedWithTheStarterRules() throws Exception {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
		JudgementRulesDirectory.fillWith(Path.of("rules"));
		for (LocalDate night : List.of(NIGHT, NIGHT.plusDays(1))) {
			DemoPortfolio.generate(this.definition.inbox(), 120, night, 42);
			assertThat(this.launcher.run("nightlyJob", night, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}
	}

	@Test
	void previewPredictsExactlyWhatTheNightDoesOnceTheChangeIsLive() throws Exception {
		LocalDate night = NIGHT.plusDays(1);
		changeTheRules();
		Map<String, Integer> rowsBefore = rowCounts();

		PreviewReport report = this.preview.preview(RuleSet.load(JudgementRulesDirectory.PATH), DraftThresholds.NONE,
				night);

		assertThat(rowCounts()).isEqualTo(rowsBefore);
		assertThat(report.night()).isEqualTo(night);
		assertThat(report.accounts()).isEqualTo(120);
		// the set in force, run again on the same night, would change nothing
		assertThat(report.live()).isEqualTo(PreviewReport.Counts.NONE);
		Set<String> created = changes(report, "created", false);
		Set<String> closed = changes(report, "closed", false);
		Set<String> reprioritised = changes(report, "reprioritised", true);
		assertThat(created).isNotEmpty().hasSize(report.draft().created());
		assertThat(closed).isNotEmpty().hasSize(report.draft().closed());
		assertThat(reprioritised).isNotEmpty().hasSize(report.draft().reprioritised());
		Map<Long, String> prioritiesBefore = priorities();

		JobExecution live = this.launcher.run("nightlyJob", night, true);

		long run = live.getJobInstance().getInstanceId();
		assertThat(live.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(tasks("t.created_run = ?", run)).isEqualTo(created);
		assertThat(tasks("t.status = 'AUTO_CLOSED' AND t.changed_run = ?", run)).isEqualTo(closed);
		Set<String> reprioritisedLive = new HashSet<>();
		this.jdbc.query("""
				SELECT t.id, a.external_id, t.playbook, t.priority FROM tasks t JOIN accounts a ON a.id = t.account_id
				""", (rs) -> {
			String before = prioritiesBefore.get(rs.getLong(1));
			if (before != null && !before.equals(rs.getString(4))) {
				reprioritisedLive.add(rs.getString(2) + " " + rs.getString(3) + " " + before + ">" + rs.getString(4));
			}
		});
		assertThat(reprioritisedLive).isEqualTo(reprioritised);
		assertThat(report.byPlaybook()).extracting(PreviewReport.Group::name).contains("seat-adoption-plan");
		assertThat(report.draft().heldBack()).isBetween(0, report.draft().created());
	}

	@Test
	void theCommandPrintsTheTableWritesTheCsvAndRefusesAnInvalidDraftWithFileAndLine() throws Exception {
		changeTheRules();
		Path csv = Files.createTempFile("preview", ".csv");

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int exit = run(printed, "preview", "--csv=" + csv);

		assertThat(exit).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Preview of rules ")
			.contains("nothing was written")
			.contains("  created")
			.contains("seat-adoption-plan");
		assertThat(Files.readAllLines(csv).get(0)).startsWith("change,account_id,account,playbook");
		assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(1);

		Path draft = JudgementRulesDirectory.PATH.resolve("adoption/seat-utilisation.drl");
		Files.writeString(draft, Files.readString(draft).replace("seatUtilisationPct <", "seatUtilisationPtc <"));
		ByteArrayOutputStream refused = new ByteArrayOutputStream();

		assertThat(run(refused, "preview")).isEqualTo(1);
		assertThat(refused.toString(StandardCharsets.UTF_8)).contains("INVALID ")
			.contains("adoption/seat-utilisation.drl:")
			.contains("nothing was previewed");
	}

	@Test
	void theApiAnswersJsonOrCsvToCsOpsRefusesAnInvalidDraftAndACsm() throws Exception {
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		var ops = users.ops();
		String seatRule = Files.readString(JudgementRulesDirectory.PATH.resolve("adoption/seat-utilisation.drl"));
		String raised = seatRule.replace("seatUtilisationPct < $baseline.value",
				"seatUtilisationPct < $baseline.value + 20");
		String body = "{\"files\":{\"adoption/seat-utilisation.drl\":" + json(raised) + "}}";
		Map<String, Integer> rowsBefore = rowCounts();

		this.mvc
			.perform(post("/api/rules/preview").with(ops.basic()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.night").value(NIGHT.plusDays(1).toString()))
			.andExpect(jsonPath("$.draft.created").isNumber())
			.andExpect(jsonPath("$.live.created").value(0));
		this.mvc
			.perform(post("/api/rules/preview").with(ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("change,account_id")));
		this.mvc.perform(post("/api/rules/preview").with(ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.draft").value(org.hamcrest.Matchers.notNullValue()));
		String broken = seatRule.replace("seatUtilisationPct <", "seatUtilisationPtc <");
		this.mvc
			.perform(post("/api/rules/preview").with(ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"files\":{\"adoption/seat-utilisation.drl\":" + json(broken) + "}}"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("adoption/seat-utilisation.drl:")));
		users.csm("misaki.sato@example.com", "佐藤 美咲");
		this.mvc
			.perform(post("/api/rules/preview").with(users.csmUser("misaki.sato@example.com").basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		assertThat(rowCounts()).isEqualTo(rowsBefore);
	}

	/**
	 * Raises the seat utilisation baseline by 20 points (more tasks), makes the seat
	 * adoption plan urgent (its open tasks re-prioritised) and switches the rule of
	 * escalations off (its open tasks close).
	 */
	private void changeTheRules() throws IOException {
		edit("adoption/seat-utilisation.drl", "seatUtilisationPct < $baseline.value",
				"seatUtilisationPct < $baseline.value + 20");
		edit("playbooks/seat-adoption-plan.yml", "priority: medium", "priority: high");
		edit("support/support-effort.drl", "rule \"Escalations above the limit\"",
				"rule \"Escalations above the limit\"\n    enabled false");
	}

	private void edit(String file, String from, String to) throws IOException {
		Path path = JudgementRulesDirectory.PATH.resolve(file);
		String content = Files.readString(path);
		assertThat(content).contains(from);
		Files.writeString(path, content.replace(from, to));
	}

	private Set<String> changes(PreviewReport report, String change, boolean withPriority) {
		return report.tasks()
			.stream()
			.filter((task) -> task.change().equals(change) && task.withDraft())
			.map((task) -> task.accountId() + " " + task.playbook()
					+ (withPriority ? " " + task.priorityBefore() + ">" + task.priority() : ""))
			.collect(Collectors.toSet());
	}

	private Set<String> tasks(String where, long run) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT CONCAT(a.external_id, ' ', t.playbook) FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE "
						+ where,
				String.class, run));
	}

	private Map<Long, String> priorities() {
		Map<Long, String> priorities = new HashMap<>();
		this.jdbc.query("SELECT id, priority FROM tasks WHERE status IN ('OPEN', 'SNOOZED', 'QUEUED')", (rs) -> {
			priorities.put(rs.getLong(1), rs.getString(2));
		});
		return priorities;
	}

	private Map<String, Integer> rowCounts() {
		Map<String, Integer> counts = new HashMap<>();
		for (String table : WRITTEN) {
			counts.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
		}
		counts.put("tasks changed", this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE status = 'AUTO_CLOSED' OR priority = 'high'", Integer.class));
		return counts;
	}

	private int run(ByteArrayOutputStream printed, String... args) throws Exception {
		return this.previewCommand.run(new CommandArguments(new DefaultApplicationArguments(args)),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
