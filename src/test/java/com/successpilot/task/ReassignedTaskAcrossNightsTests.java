package com.successpilot.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.mail.ReceivedMail;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A task CS ops hand to another CSM stays with that CSM night after night (the real
 * nightly job, starter rules, a real SMTP server): the next night raises the same task
 * again for the account's CSM, and it is still the new CSM's — on their day, in their
 * task list, in their mail and their attention budget — not the account's CSM's, and not
 * twice.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.mail.web-base-url=https://successpilot.example.com/")
class ReassignedTaskAcrossNightsTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String RESCUE = "onboarding-first-value-rescue";

	private static final String MISAKI = "misaki.sato@example.com";

	private static final String KENTA = "kenta.tanaka@example.com";

	private static final int PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final Path RULES = Path.of("target", "test-work", "handed-rules-" + UUID.randomUUID())
		.toAbsolutePath();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	ImportDefinition definition;

	@Autowired
	RunLauncher launcher;

	@Autowired
	LiveRuleSet rules;

	@Autowired
	MutableClock clock;

	@Autowired
	TaskDeliveries deliveries;

	/**
	 * The starter rules, with Misaki receiving one new task a day: of the two tasks her
	 * stalled account raises, one reaches her and one is held back.
	 */
	@DynamicPropertySource
	static void smtpServerAndABudgetOfOne(DynamicPropertyRegistry registry) throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("rules"))) {
			for (Path file : files.toList()) {
				Path target = RULES.resolve(Path.of("rules").relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Files.writeString(RULES.resolve("attention.yml"), """
				budget:
				  csms:
				    %s:
				      new-tasks-per-day: 1
				""".formatted(MISAKI));
		registry.add("successpilot.rules.dir", RULES::toString);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@BeforeEach
	void freshServerAndDatabase() throws Exception {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		smtp.purgeEmailFromAllMailboxes();
		new TestInbox(this.definition).empty();
		TestData.deleteAll(this.jdbc);
		this.rules.reload();
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	void aTaskHandedToAnotherCsmStaysTheirsWhenTheNextNightRaisesItAgain() throws Exception {
		misakisStalledAccountAndKenta();
		night(NIGHT);
		List<Long> rescue = rescueTasks();
		assertThat(rescue).hasSize(2);
		long delivered = rescue.get(0);
		long heldBack = rescue.get(1);
		assertThat(statusOf(delivered)).isEqualTo("OPEN");
		assertThat(statusOf(heldBack)).isEqualTo("QUEUED");
		long account = this.jdbc.queryForObject("SELECT id FROM accounts WHERE external_id = 'ACC-1'", Long.class);
		long kenta = this.jdbc.queryForObject("SELECT id FROM csms WHERE email = ?", Long.class, KENTA);

		// in the morning CS ops hand both to Kenta from the task list
		this.clock.set(NIGHT, LocalTime.of(10, 0));
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		this.mvc
			.perform(post("/tasks/bulk/reassign").session(signIn(users.ops()))
				.with(csrf())
				.param("ids", String.valueOf(delivered), String.valueOf(heldBack))
				.param("csm", String.valueOf(kenta)))
			.andExpect(status().is3xxRedirection());
		smtp.purgeEmailFromAllMailboxes();

		this.clock.set(NIGHT.plusDays(1), LocalTime.of(1, 30));
		night(NIGHT.plusDays(1));

		// the rules raised both again: refreshed, not repeated, and still Kenta's
		assertThat(rescueTasks()).containsExactly(delivered, heldBack);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tasks WHERE account_id = ? AND status IN ('OPEN', 'SNOOZED', 'QUEUED')",
				Integer.class, account))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT MAX(last_seen_on) FROM tasks WHERE account_id = ?", LocalDate.class,
				account))
			.isEqualTo(NIGHT.plusDays(1));
		assertThat(
				this.jdbc.queryForList("SELECT assigned_csm_id FROM tasks WHERE account_id = ?", Long.class, account))
			.containsOnly(kenta);
		assertThat(this.jdbc.queryForList("SELECT owner_csm_id FROM tasks WHERE account_id = ?", Long.class, account))
			.containsOnly(kenta);
		// the one held back reached Kenta within his budget, not Misaki's
		assertThat(statusOf(delivered)).isEqualTo("OPEN");
		assertThat(statusOf(heldBack)).isEqualTo("OPEN");
		assertThat(deliveredBy(KENTA)).isEqualTo(1);
		assertThat(deliveredBy(MISAKI)).isZero();

		// mail: Kenta is told about the task that reached him; Misaki about nothing
		List<ReceivedMail> mails = ReceivedMail.all(smtp.getReceivedMessages());
		assertThat(mails).isNotEmpty();
		assertThat(mails).extracting(ReceivedMail::to).containsOnly(KENTA);
		assertThat(mails)
			.anySatisfy((mail) -> assertThat(mail.text()).contains("https://successpilot.example.com/tasks/" + heldBack)
				.contains("株式会社テスト"));

		// pages: Kenta's day and task list, and the tasks themselves, not the account
		MockHttpSession kentasSession = signIn(users.csmUser(KENTA));
		MockHttpSession misakisSession = signIn(users.csmUser(MISAKI));
		String kentasDay = page("/", kentasSession);
		assertThat(kentasDay).contains("href=\"/tasks/" + delivered + "\"", "href=\"/tasks/" + heldBack + "\"")
			.contains("株式会社テスト")
			.doesNotContain("href=\"/accounts/" + account + "\"");
		assertThat(page("/", misakisSession)).doesNotContain("href=\"/tasks/" + delivered + "\"",
				"href=\"/tasks/" + heldBack + "\"");
		assertThat(page("/tasks", kentasSession)).contains("href=\"/tasks/" + delivered + "\"",
				"href=\"/tasks/" + heldBack + "\"");
		assertThat(page("/tasks", misakisSession)).doesNotContain("href=\"/tasks/" + delivered + "\"",
				"href=\"/tasks/" + heldBack + "\"");
		this.mvc.perform(get("/tasks/" + heldBack).session(kentasSession)).andExpect(status().isOk());
		this.mvc.perform(get("/tasks/" + heldBack).session(misakisSession)).andExpect(status().isNotFound());
		this.mvc.perform(get("/accounts/" + account).session(kentasSession)).andExpect(status().isNotFound());
		// the account's page: Misaki sees the tasks and who holds them, without a link
		// she cannot follow
		assertThat(page("/accounts/" + account, misakisSession)).contains("Kenta Tanaka")
			.doesNotContain("href=\"/tasks/" + delivered + "\"", "href=\"/tasks/" + heldBack + "\"");
		assertThat(page("/accounts/" + account, signIn(users.ops()))).contains("href=\"/tasks/" + delivered + "\"",
				"href=\"/tasks/" + heldBack + "\"");
	}

	@Test
	void activeTasksFollowTheirAccountToItsNewCsmUnlessCsOpsHandedThemToSomeone() throws Exception {
		misakisStalledAccountAndKenta();
		night(NIGHT);
		List<Long> rescue = rescueTasks();
		assertThat(rescue).hasSize(2);
		long misaki = this.jdbc.queryForObject("SELECT id FROM csms WHERE email = ?", Long.class, MISAKI);
		long kenta = this.jdbc.queryForObject("SELECT id FROM csms WHERE email = ?", Long.class, KENTA);
		// CS ops handed the first to Misaki herself; then the account moves to Kenta (the
		// accounts feed of a later night), and the rules do not raise the tasks that
		// night
		this.jdbc.update("UPDATE tasks SET assigned_csm_id = ? WHERE id = ?", misaki, rescue.get(0));
		this.jdbc.update("UPDATE accounts SET csm_id = ? WHERE external_id = 'ACC-1'", kenta);

		assertThat(this.deliveries.followAccountCsms()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT owner_csm_id FROM tasks WHERE id = ?", Long.class, rescue.get(0)))
			.isEqualTo(misaki);
		assertThat(this.jdbc.queryForObject("SELECT owner_csm_id FROM tasks WHERE id = ?", Long.class, rescue.get(1)))
			.isEqualTo(kenta);
		assertThat(this.deliveries.followAccountCsms()).as("a second time: nothing left to move").isZero();
	}

	private void night(LocalDate night) throws Exception {
		assertThat(this.launcher.run("nightlyJob", night, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	private List<Long> rescueTasks() {
		return this.jdbc.queryForList("SELECT id FROM tasks WHERE playbook = ? ORDER BY rank_score DESC, id",
				Long.class, RESCUE);
	}

	private String statusOf(long task) {
		return this.jdbc.queryForObject("SELECT status FROM tasks WHERE id = ?", String.class, task);
	}

	/** The tasks the second night's attention step delivered to a CSM. */
	private int deliveredBy(String csm) {
		return this.jdbc.queryForObject("""
				SELECT COALESCE(SUM(l.delivered), 0) FROM attention_ledger l JOIN csms c ON c.id = l.csm_id
				WHERE c.email = ? AND l.run_date = ?
				""", Integer.class, csm, NIGHT.plusDays(1));
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession signIn(SignIn user) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", user.username()).param("password", user.password()).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/**
	 * Misaki's smb account in onboarding for 60 days with logins but no value milestone
	 * (the first-value rescue raises its two tasks, both high); Kenta has no account.
	 */
	private void misakisStalledAccountAndKenta() {
		TestInbox inbox = new TestInbox(this.definition);
		inbox.drop("csms", "email,name,language", MISAKI + ",佐藤 美咲,ja\n" + KENTA + ",Kenta Tanaka,en\n");
		inbox.drop("segment-thresholds", "segment,threshold,value,description",
				"smb,first_value_days,30,First value is due within 30 days\n");
		inbox.drop("accounts", "account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date",
				"ACC-1,株式会社テスト,smb,retail," + MISAKI + ",onboarding," + NIGHT.minusDays(60) + ",\n");
		inbox.drop("contracts",
				"contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status",
				"C-1,ACC-1,Platform," + NIGHT.minusDays(60) + "," + NIGHT.plusDays(300)
						+ ",12000,USD,20,true,active\n");
		StringBuilder usage = new StringBuilder();
		for (int day = 1; day <= 5; day++) {
			usage.append("ACC-1,").append(NIGHT.minusDays(day)).append(",4,6,10,0,,\n");
		}
		inbox.drop("usage",
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active",
				usage.toString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
