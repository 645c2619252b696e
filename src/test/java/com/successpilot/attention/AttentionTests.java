package com.successpilot.attention;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunSummary;
import com.successpilot.task.TaskRepository;
import com.successpilot.task.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSM's attention as a budget, night after night, on a real database with the starter
 * rules and a budget of 4 new tasks a day, 6 open at most and 1 urgent mail a day (Kenta:
 * 2 new tasks a day).
 */
@SuccessPilotTest
class AttentionTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String MISAKI = "misaki.sato@example.com";

	private static final String KENTA = "kenta.tanaka@example.com";

	private static final Path RULES = Path.of("target", "test-work", "attention-rules-" + UUID.randomUUID())
		.toAbsolutePath();

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunSummary summary;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	TaskRepository tasks;

	@Autowired
	LiveRuleSet rules;

	@Autowired
	MeterRegistry meters;

	TestInbox inbox;

	@DynamicPropertySource
	static void rulesWithASmallBudget(DynamicPropertyRegistry registry) {
		copy(Path.of("rules"), RULES);
		write(RULES.resolve("attention.yml"), """
				budget:
				  new-tasks-per-day: 4
				  open-tasks-max: 6
				  urgent-mails-per-day: 1
				  csms:
				    Kenta.Tanaka@example.com:
				      new-tasks-per-day: 2
				""");
		registry.add("successpilot.rules.dir", RULES::toString);
	}

	@BeforeEach
	void emptyDatabase() {
		this.inbox = new TestInbox(this.definition);
		this.inbox.empty();
		TestData.deleteAll(this.jdbc);
		this.rules.reload();
	}

	@Test
	void firstNightDeliversTheBestRankedTasksWithinTheBudgetAndHoldsBackTheRest() {
		csms();
		for (int i = 1; i <= 5; i++) {
			stalledOnboarding("ACC-" + i, MISAKI, 10000 * i);
		}
		escalations("ACC-1", 3);
		stalledOnboarding("ACC-9", KENTA, 50000);

		JobExecution run = run(NIGHT);

		// Misaki: 5 accounts × 2 rescue tasks, + escalation recovery and support effort
		assertThat(count("owner", MISAKI, null)).isEqualTo(12);
		assertThat(count("owner", MISAKI, "OPEN")).isEqualTo(4);
		assertThat(count("owner", MISAKI, "QUEUED")).isEqualTo(8);
		assertThat(count("owner", KENTA, "OPEN")).isEqualTo(2);
		assertThat(count("owner", KENTA, "QUEUED")).isZero();
		// what reached Misaki is her top four by score
		List<Double> delivered = scores(MISAKI, "OPEN");
		List<Double> held = scores(MISAKI, "QUEUED");
		assertThat(delivered).hasSize(4);
		assertThat(held).isNotEmpty();
		assertThat(delivered.get(delivered.size() - 1)).isGreaterThanOrEqualTo(held.get(0));
		// the urgent escalation is among them, but the first night sends no urgent mail
		assertThat(this.jdbc.queryForList("SELECT kind FROM mail_outbox ORDER BY kind", String.class))
			.containsExactly("WELCOME", "WELCOME");
		assertThat(this.jdbc.queryForObject("SELECT SUM(task_count) FROM mail_outbox", Integer.class)).isEqualTo(6);
		assertThat(summaryOf(run)).contains("What reached each CSM (rules/attention.yml): the first night")
			.containsPattern(MISAKI + "\\s+12\\s+4\\s+0\\s+8\\s+0\\s+4/1\\s+0")
			.containsPattern(KENTA + "\\s+2\\s+2\\s+0\\s+0\\s+0\\s+2/1\\s+0");
		// and Prometheus: per CSM, what was delivered, and what waits
		assertThat(this.meters.get("successpilot.attention.tasks")
			.tag("csm", KENTA)
			.tag("outcome", "delivered")
			.counter()
			.count()).isGreaterThanOrEqualTo(2);
		assertThat(this.meters.get("successpilot.attention.held.back").tag("csm", MISAKI).gauge().value()).isEqualTo(8);
	}

	@Test
	void heldBackTasksAreReleasedByScoreOnLaterNightsAsCapacityFrees() {
		csms();
		for (int i = 1; i <= 5; i++) {
			stalledOnboarding("ACC-" + i, MISAKI, 10000 * i);
		}
		run(NIGHT);
		List<Long> heldFirst = ids(MISAKI, "QUEUED");
		assertThat(heldFirst).hasSize(6);

		// a new day: four more would be due, but six open at most leaves room for two
		JobExecution secondNight = run(NIGHT.plusDays(1));
		assertThat(count("owner", MISAKI, "OPEN")).isEqualTo(6);
		assertThat(ids(MISAKI, "QUEUED")).hasSize(4).isSubsetOf(heldFirst);
		assertThat(ledger(secondNight, MISAKI)).containsEntry("DELIVERED", 2)
			.containsEntry("RELEASED", 2)
			.containsEntry("RAISED", 0)
			.containsEntry("HELD_BACK", 4);
		// held back a day, they are due as long after reaching the CSM as the playbook
		// says
		// (its two tasks: in 3 and in 7 days)
		assertThat(this.jdbc.queryForList("SELECT due_date FROM tasks WHERE delivered_run = ?", java.sql.Date.class,
				secondNight.getJobInstance().getInstanceId()))
			.hasSize(2)
			.allSatisfy((due) -> assertThat(due.toLocalDate()).isIn(NIGHT.plusDays(4), NIGHT.plusDays(8)));
		// the digest lists the two released tasks, nothing as changed
		assertThat(this.jdbc.queryForObject("SELECT task_count FROM mail_outbox WHERE kind = 'DIGEST' AND run_id = ?",
				Integer.class, secondNight.getJobInstance().getInstanceId()))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM tasks WHERE changed_run = ? AND delivered_run <> ?
				""", Integer.class, secondNight.getJobInstance().getInstanceId(),
				secondNight.getJobInstance().getInstanceId()))
			.isZero();

		// done and dismissed tasks free capacity the same day
		List<Long> open = ids(MISAKI, "OPEN");
		assertThat(this.tasks.close(open.get(0), TaskStatus.DONE, MISAKI, "Called")).isTrue();
		assertThat(this.tasks.close(open.get(1), TaskStatus.DISMISSED, MISAKI, "Not ours")).isTrue();
		assertThat(this.tasks.close(open.get(2), TaskStatus.DONE, MISAKI, "Booked")).isTrue();
		run(NIGHT.plusDays(2));
		assertThat(count("owner", MISAKI, "OPEN")).isEqualTo(6);
		assertThat(count("owner", MISAKI, "QUEUED")).isEqualTo(1);
		// people's decisions stand: nothing closed came back
		assertThat(count("owner", MISAKI, null)).isEqualTo(10);
	}

	@Test
	void aHeldBackTaskWhoseConditionClearsIsClosedWithoutEverBeingSent() {
		csms();
		for (int i = 1; i <= 5; i++) {
			stalledOnboarding("ACC-" + i, MISAKI, 10000 * i);
		}
		run(NIGHT);
		// the lowest ARR ranks last: ACC-1's tasks wait
		List<String> held = this.jdbc.queryForList("""
				SELECT DISTINCT a.external_id FROM tasks t JOIN accounts a ON a.id = t.account_id
				WHERE t.status = 'QUEUED'
				""", String.class);
		assertThat(held).contains("ACC-1");
		this.inbox.drop("usage", USAGE_HEADER, "ACC-1," + NIGHT + ",6,9,30,1,,\n");

		JobExecution next = run(NIGHT.plusDays(1));

		List<Map<String, Object>> closed = this.jdbc.queryForList("""
				SELECT t.id, t.status, t.delivered_run FROM tasks t JOIN accounts a ON a.id = t.account_id
				WHERE a.external_id = 'ACC-1'
				""");
		assertThat(closed).hasSize(2).allSatisfy((task) -> {
			assertThat(task.get("status")).isEqualTo("AUTO_CLOSED");
			// never delivered: delivered_run stays 0
			assertThat(((Number) task.get("delivered_run")).longValue()).isZero();
		});
		assertThat(ledger(next, MISAKI)).containsEntry("CLOSED_WHILE_HELD", 2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE text_body LIKE '%株式会社ACC-1%'",
				Integer.class))
			.isZero();
	}

	@Test
	void urgentMailsGoOnlyForWhatIsNewSinceThePreviousNightAndWithinTheDaysBudget() {
		csms();
		stalledOnboarding("ACC-1", MISAKI, 900000);
		stalledOnboarding("ACC-2", MISAKI, 800000);
		run(NIGHT);
		assertThat(this.jdbc.queryForList("SELECT kind FROM mail_outbox", String.class)).containsExactly("WELCOME");
		// two done make room: both new escalations can be delivered tonight
		for (Long id : ids(MISAKI, "OPEN").subList(0, 2)) {
			this.tasks.close(id, TaskStatus.DONE, MISAKI, "Done");
		}
		escalations("ACC-1", 3);
		escalations("ACC-2", 3);

		JobExecution next = run(NIGHT.plusDays(1));

		long run = next.getJobInstance().getInstanceId();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE playbook = 'escalation-recovery' AND delivered_run = ?",
				Integer.class, run))
			.isEqualTo(2);
		// one urgent mail a day: the second urgent task is in the digest only
		assertThat(this.jdbc.queryForList("SELECT kind FROM mail_outbox WHERE run_id = ? ORDER BY kind", String.class,
				run))
			.containsExactly("DIGEST", "URGENT");
		assertThat(ledger(next, MISAKI)).containsEntry("URGENT_MAILS", 1).containsEntry("URGENT_HELD", 1);

		// a re-run of the same night sends nothing more
		run(NIGHT.plusDays(1));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Integer.class)).isEqualTo(3);
	}

	@Test
	void nothingNewOnTheSecondNightMeansNoChangedMailAndNoDigest() {
		csms();
		stalledOnboarding("ACC-1", MISAKI, 12000);
		escalations("ACC-1", 3);
		run(NIGHT);
		assertThat(count("owner", MISAKI, "QUEUED")).isZero();

		JobExecution second = run(NIGHT.plusDays(1));

		// day counters moved (days since start, days to renewal): the tasks were
		// refreshed
		assertThat(this.jdbc.queryForList("SELECT DISTINCT last_seen_run FROM tasks", Long.class))
			.containsExactly(second.getJobInstance().getInstanceId());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE run_id = ?", Integer.class,
				second.getJobInstance().getInstanceId()))
			.isZero();
	}

	@Test
	void aDetractorTaskMarkedDoneStaysDoneUntilTheNextDetractorAnswer() {
		csms();
		stalledOnboarding("ACC-1", MISAKI, 50000);
		npsAnswer("NPS-1", "ACC-1", NIGHT.minusDays(3), 2, "サポートの返事が遅い");
		run(NIGHT);
		long first = detractorTasks().get(0);
		assertThat(this.tasks.close(first, TaskStatus.DONE, MISAKI, "Called, agreed on a fix")).isTrue();

		// the same answer is still the latest: the rule fires, the decision stands
		run(NIGHT.plusDays(1));
		assertThat(detractorTasks()).containsExactly(first);

		// a new detractor answer is a new occurrence: one new task, one urgent mail
		npsAnswer("NPS-2", "ACC-1", NIGHT.plusDays(1), 3, "まだ改善されていない");
		JobExecution third = run(NIGHT.plusDays(2));
		List<Long> detractor = detractorTasks();
		assertThat(detractor).hasSize(2).startsWith(first);
		assertThat(
				this.jdbc.queryForObject("SELECT occurrence FROM tasks WHERE id = ?", String.class, detractor.get(1)))
			.isEqualTo("NPS-2");
		assertThat(this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, detractor.get(1)))
			.isEqualTo("OPEN");
		assertThat(this.jdbc.queryForList("SELECT task_id FROM mail_outbox WHERE kind = 'URGENT' AND run_id = ?",
				Long.class, third.getJobInstance().getInstanceId()))
			.containsExactly(detractor.get(1));
	}

	@Test
	void everyTaskCarriesItsScoreAndItsParts() {
		csms();
		stalledOnboarding("ACC-1", MISAKI, 1000000);
		run(NIGHT);

		List<Map<String, Object>> ranked = this.jdbc.queryForList("SELECT rank_score, rank_parts, due_date FROM tasks");
		assertThat(ranked).isNotEmpty().allSatisfy((task) -> {
			// high priority 40 + ARR at the ceiling 25 + due within two weeks + no trend
			// yet
			assertThat(((Number) task.get("rank_score")).doubleValue()).isGreaterThan(65).isLessThan(85);
			assertThat((String) task.get("rank_parts")).contains("\"severity\":40.0")
				.contains("\"value\":25.0")
				.contains("\"trend\":0.0");
		});
	}

	private JobExecution run(LocalDate night) {
		JobExecution execution;
		try {
			execution = this.launcher.run("nightlyJob", night, true);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return execution;
	}

	private void csms() {
		this.inbox.drop("csms", "email,name", MISAKI + ",佐藤 美咲\n" + KENTA + ",田中 健太\n");
		this.inbox.drop("segment-thresholds", "segment,threshold,value,description", """
				smb,first_value_days,30,First value is due within 30 days
				smb,support_escalations_max_30d,1,At most one escalation in 30 days
				smb,support_open_tickets_max,2,At most two open tickets
				smb,nps_detractor_max,6,A score of 6 or less is a detractor
				""");
	}

	private void npsAnswer(String id, String accountId, LocalDate on, int score, String comment) {
		this.inbox.drop("nps", "response_id,account_id,responded_on,score,respondent_role,comment",
				id + "," + accountId + "," + on + "," + score + ",decision-maker," + comment + "\n");
	}

	private List<Long> detractorTasks() {
		return this.jdbc.queryForList("SELECT id FROM tasks WHERE playbook = 'detractor-recovery' ORDER BY id",
				Long.class);
	}

	private static final String USAGE_HEADER = "account_id,date,active_users,logins,key_events,value_milestones,"
			+ "reports_created,integrations_active";

	/**
	 * An smb account in onboarding for 60 days without a value milestone: two
	 * high-priority rescue tasks.
	 */
	private void stalledOnboarding(String accountId, String csm, int arr) {
		this.inbox.drop("accounts",
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date",
				accountId + ",株式会社" + accountId + ",smb,retail," + csm + ",onboarding," + NIGHT.minusDays(60) + ",\n");
		this.inbox.drop("contracts",
				"contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status",
				"C-" + accountId + "," + accountId + ",Platform," + NIGHT.minusDays(60) + "," + NIGHT.plusDays(300)
						+ "," + arr + ",USD,20,true,active\n");
		StringBuilder usage = new StringBuilder();
		for (int day = 1; day <= 5; day++) {
			usage.append(accountId).append(',').append(NIGHT.minusDays(day)).append(",4,6,10,0,,\n");
		}
		this.inbox.drop("usage", USAGE_HEADER, usage.toString());
	}

	/**
	 * Escalated tickets opened in the last days: an urgent escalation recovery (and a
	 * medium support effort review).
	 */
	private void escalations(String accountId, int tickets) {
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= tickets; i++) {
			rows.append("T-")
				.append(accountId)
				.append('-')
				.append(UUID.randomUUID().toString(), 0, 6)
				.append(',')
				.append(accountId)
				.append(",ログインできない ")
				.append(i)
				.append(',')
				.append(NIGHT.minusDays(i))
				.append(" 10:00:00,,high,true,\n");
		}
		this.inbox.drop("tickets", "ticket_id,account_id,subject,opened_at,closed_at,priority,escalated,csat",
				rows.toString());
	}

	private int count(String by, String csm, String status) {
		return this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM tasks t JOIN csms c ON c.id = t.owner_csm_id
				WHERE c.email = ? AND (? IS NULL OR t.status = ?)
				""", Integer.class, csm, status, status);
	}

	private List<Double> scores(String csm, String status) {
		return this.jdbc.queryForList("""
				SELECT t.rank_score FROM tasks t JOIN csms c ON c.id = t.owner_csm_id
				WHERE c.email = ? AND t.status = ? ORDER BY t.rank_score DESC
				""", Double.class, csm, status);
	}

	private List<Long> ids(String csm, String status) {
		return this.jdbc.queryForList("""
				SELECT t.id FROM tasks t JOIN csms c ON c.id = t.owner_csm_id
				WHERE c.email = ? AND t.status = ? ORDER BY t.rank_score DESC, t.id
				""", Long.class, csm, status);
	}

	private Map<String, Object> ledger(JobExecution run, String csm) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				SELECT l.raised, l.delivered, l.released, l.held_back, l.closed_while_held, l.urgent_mails,
				  l.urgent_held
				FROM attention_ledger l JOIN csms c ON c.id = l.csm_id WHERE l.run_id = ? AND c.email = ?
				""", run.getJobInstance().getInstanceId(), csm);
		Map<String, Object> upper = new java.util.LinkedHashMap<>();
		row.forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), ((Number) value).intValue()));
		return upper;
	}

	private String summaryOf(JobExecution execution) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.summary.print(execution, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
