package com.successpilot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.Multipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.mail.internal.MailDelivery;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunSummary;
import com.successpilot.security.UserAccounts;
import com.successpilot.system.CommandArguments;

import static com.successpilot.mail.MailPortfolio.KENTA;
import static com.successpilot.mail.MailPortfolio.MISAKI;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The nightly job from feed files to mails received by a real SMTP server: digests,
 * urgent mails, Japanese, outages, refused addresses, re-runs, interrupted and concurrent
 * deliveries.
 */
@SuccessPilotTest
@TestPropertySource(properties = { "successpilot.mail.web-base-url=https://successpilot.example.com/",
		"successpilot.mail.from=SuccessPilot 通知 <successpilot@example.com>",
		"spring.mail.properties.mail.smtp.connectiontimeout=5000", "spring.mail.properties.mail.smtp.timeout=5000" })
class TaskMailTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final int PORT = RejectingGreenMail.freePort();

	private static final RejectingGreenMail smtp = new RejectingGreenMail(PORT);

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunSummary summary;

	@Autowired
	MailDelivery delivery;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeliverMailCommand deliverMail;

	@Autowired
	ImportDefinition definition;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MailProperties mailProperties;

	MailPortfolio portfolio;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@BeforeEach
	void freshServerAndDatabase() throws Exception {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		smtp.purgeEmailFromAllMailboxes();
		this.portfolio = new MailPortfolio(this.definition);
		TestData.deleteAll(this.jdbc);
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	void healthShowsWhetherTheSmtpServerAnswers() throws Exception {
		var ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		this.mvc.perform(get("/actuator/health").with(ops.basic()))
			.andExpect(jsonPath("$.components.mail.status").value("UP"))
			.andExpect(jsonPath("$.components.mail.details.location").value("127.0.0.1:" + PORT));

		smtp.stop();
		this.mvc.perform(get("/actuator/health").with(ops.basic()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components.mail.status").value("DOWN"));
		smtp.start();
	}

	@Test
	void japaneseCsmsDigestIsEntirelyJapaneseWithStepsContactEvidenceAndTickets() throws Exception {
		twoCsmsWithAnEscalatedAccount();

		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		ReceivedMail digest = digestTo(MISAKI);
		String text = digest.text();
		assertThat(text).startsWith("佐藤さん").contains("新規4件、変更0件");
		// highest score first: the urgent escalation due tomorrow, the rescue's two
		// tasks, then the medium support review
		assertThat(List.of(text.indexOf("〔高〕株式会社テスト1にエスカレーションの件で電話する"), text.indexOf("〔高〕今週中に株式会社テスト1に最初の成果を届ける"),
				text.indexOf("〔高〕導入チームと株式会社テスト1のオンボーディング計画を見直す"), text.indexOf("〔中〕サポートと株式会社テスト1の未解決チケットを確認する")))
			.doesNotContain(-1)
			.isSorted();
		assertThat(text).containsPattern("スコア [\\d.]+ = 重大度 40 \\+ 顧客価値 [\\d.]+ \\+ 時間的切迫度 [\\d.]+ \\+ ヘルス傾向 0");
		long rescueId = taskId("ACC-1", "onboarding-first-value-rescue");
		assertThat(text).contains("ARR $12,000｜更新日 2027年9月19日（あと300日）")
			.contains("お客様窓口: 木村 浩二 様 <koji.kimura@sakura.example>")
			.contains("理由: 利用開始から60日が経過しましたが、まだ価値を実感できる成果がありません（30日以内が目安）。")
			.contains("ファーストバリューの期限（日） 30（セグメント標準値（smb））")
			.contains("次の手順: 1) スポンサーに電話し、2週間で達成できる小さな成果を1つ合意する（11月26日まで）")
			.contains("期限 2026年11月26日")
			.contains("過去30日のエスカレーション: ログインできない 1 / ログインできない 2 / ログインできない 3")
			.contains("https://successpilot.example.com/tasks/" + rescueId)
			.doesNotContain("Acme")
			.doesNotContain("{{");
		assertThat(text).doesNotContain("Account", "Due", "Why", "Playbook", "priority", "Reason", "Next", "health");
		assertThat(digest.html()).contains("<a href=\"https://successpilot.example.com/tasks/" + rescueId + "\"")
			.contains("<li>スポンサーに電話し、2週間で達成できる小さな成果を1つ合意する（2026年11月26日まで）</li>")
			.doesNotContain("{{");
		// Kenta gets his own account only, in English
		ReceivedMail kentasDigest = digestTo(KENTA);
		assertThat(kentasDigest.text()).startsWith("Hi Kenta,").contains("Acme").doesNotContain("株式会社テスト1");
		assertThat(received()).hasSize(3);
	}

	@Test
	void englishCsmsDigestIsEntirelyEnglishWithTheNpsCommentAndAThresholdAgreedWithTheCustomer() throws Exception {
		this.portfolio.csms(MISAKI, "佐藤 美咲", "ja", KENTA, "Kenta Tanaka", "en");
		this.portfolio.stalledOnboarding("ACC-2", "Acme Corp", KENTA, NIGHT, "Daniel Hayes", "daniel@acme.example");
		this.portfolio.npsAnswer("ACC-2", NIGHT, 3, "Setup takes far too long, we are losing patience");
		this.portfolio.agreedThreshold("ACC-2", "first_value_days", 45, LocalDate.of(2025, 4, 9), "seasonal business");

		this.launcher.run("nightlyJob", NIGHT, true);

		String text = digestTo(KENTA).text();
		assertThat(text).startsWith("Hi Kenta,")
			.contains("Acme Corp (ACC-2) | ARR $12,000 | renews 19 Sep 2027, in 300 days")
			.contains("Contact: Daniel Hayes <daniel@acme.example>")
			.contains("First value due within (days) 45 (agreed with the customer on 9 Apr 2025: seasonal business)")
			.contains("Highest detractor NPS 6 (segment default (smb))")
			.contains("NPS comment: \"Setup takes far too long, we are losing patience\"")
			.contains("Reason: The latest NPS answer is 3, a detractor (6 or less).")
			.contains("Next: 1) Read the NPS comment and check recent tickets and usage (by 23 Nov)")
			.doesNotContain("{{");
		assertThat(text).doesNotContainPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
	}

	@Test
	void htmlBodiesEscapeWhatCustomersWroteAndTextBodiesShowItAsWritten() throws Exception {
		this.portfolio.csms(KENTA, "Kenta Tanaka", "en");
		this.portfolio.stalledOnboarding("ACC-2", "Tom & Jerry's <script>alert(1)</script>", KENTA, NIGHT);
		this.portfolio.npsAnswer("ACC-2", NIGHT, 3, "<script>steal()</script> & <b>more</b>");

		this.launcher.run("nightlyJob", NIGHT, true);

		ReceivedMail digest = digestTo(KENTA);
		assertThat(digest.html()).contains("Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt; (ACC-2)")
			.contains("NPS comment: <q>&lt;script&gt;steal()&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;</q>")
			.doesNotContain("<script>")
			.doesNotContain("<b>");
		assertThat(digest.text()).contains("Tom & Jerry's <script>alert(1)</script> (ACC-2) | ARR $12,000")
			.contains("NPS comment: \"<script>steal()</script> & <b>more</b>\"");
	}

	@Test
	void urgentPlaybookTaskIsMailedAtOnceAndOnlyWhenCreated() throws Exception {
		twoCsmsWithAnEscalatedAccount();
		this.launcher.run("nightlyJob", NIGHT, true);

		List<ReceivedMail> urgent = received().stream().filter(ReceivedMail::isUrgent).toList();
		assertThat(urgent).singleElement().satisfies((mail) -> {
			assertThat(mail.to()).isEqualTo(MISAKI);
			assertThat(mail.subject()).isEqualTo("[SuccessPilot] 至急: 株式会社テスト1にエスカレーションの件で電話する");
			assertThat(mail.text()).contains("理由: 過去30日のエスカレーションが3件（上限1件）、うち3件が未解決です。")
				.contains("次の手順: 1) エスカレーション中のチケットをサポート責任者と確認する（11月23日まで）")
				.contains("https://successpilot.example.com/tasks/" + taskId("ACC-1", "escalation-recovery"));
		});

		smtp.purgeEmailFromAllMailboxes();
		this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		// the next night refreshes the open escalation task: no second urgent mail
		assertThat(received()).noneMatch(ReceivedMail::isUrgent);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'URGENT'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void rerunOfTheSameNightSendsNothingTwiceAndNoDigestWhenNothingIsNew() throws Exception {
		twoCsmsWithAnEscalatedAccount();
		this.launcher.run("nightlyJob", NIGHT, true);
		assertThat(received()).hasSize(3);

		JobExecution rerun = this.launcher.run("nightlyJob", NIGHT, false);

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(received()).hasSize(3);
		assertThat(this.jdbc.queryForList("SELECT status FROM mail_outbox", String.class)).hasSize(3)
			.containsOnly("SENT");
		assertThat(summaryOf(rerun)).contains("Mail: nothing new for any CSM, so no mail.");
	}

	@Test
	void japaneseSubjectNamesAndBodiesArriveIntact() throws Exception {
		twoCsmsWithAnEscalatedAccount();

		this.launcher.run("nightlyJob", NIGHT, true);

		ReceivedMail digest = digestTo(MISAKI);
		assertThat(digest.subject()).isEqualTo("[SuccessPilot] 2026年11月23日 担当アカウントのタスク 4件");
		assertThat(digest.rawHeader("Subject")).startsWith("=?UTF-8?").doesNotContain("佐藤");
		assertThat(digest.toName()).isEqualTo("佐藤 美咲");
		assertThat(digest.rawHeader("To")).doesNotContain("佐藤");
		assertThat(digest.fromName()).isEqualTo("SuccessPilot 通知");
		assertThat(digest.text()).contains("今週中に株式会社テスト1に最初の成果を届ける");
		assertThat(digest.html()).contains("<p>佐藤さん</p>");
		// text before HTML, both UTF-8, as alternatives of one another
		assertThat(digest.message().getContentType()).startsWith("multipart/alternative");
		Multipart alternatives = (Multipart) digest.message().getContent();
		assertThat(alternatives.getCount()).isEqualTo(2);
		assertThat(alternatives.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
		assertThat(alternatives.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
		assertThat(digest.rawHeader("Message-ID"))
			.matches("<successpilot\\.digest\\.\\d+\\.\\d+\\.\\d+@example\\.com>");
	}

	@Test
	void smtpDownThenUpDeliversEachMailOnce() throws Exception {
		twoCsmsWithAnEscalatedAccount();
		smtp.stop();

		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> pending = this.jdbc.queryForList(
				"SELECT status, attempts, last_error, CASE WHEN next_attempt_at > ? THEN 'later' ELSE 'now' END AS due"
						+ " FROM mail_outbox",
				Timestamp.valueOf(this.clock.localNow()));
		assertThat(pending).hasSize(3).allSatisfy((mail) -> {
			assertThat(mail.get("status")).isEqualTo("PENDING");
			assertThat(((Number) mail.get("attempts")).intValue()).isEqualTo(1);
			assertThat((String) mail.get("last_error")).containsIgnoringCase("connect");
			assertThat(mail.get("due")).isEqualTo("later");
		});
		assertThat(summaryOf(run)).contains("PENDING, next attempt at");

		smtp.start();
		assertThat(this.delivery.deliverDue().sent()).as("backoff: not due yet").isZero();
		timePassesUntilRetriesAreDue();
		MailDelivery.Outcome retry = this.delivery.deliverDue();

		assertThat(retry.sent()).isEqualTo(3);
		assertThat(received()).hasSize(3);
		assertThat(this.jdbc.queryForList("SELECT attempts FROM mail_outbox", Integer.class)).containsOnly(2);
		timePassesUntilRetriesAreDue();
		assertThat(this.delivery.deliverDue().sent()).isZero();
		assertThat(received()).hasSize(3);
	}

	@Test
	void afterAnOutageDeliverMailNowSendsThePendingMailsWithoutWaitingForTheirBackoff() throws Exception {
		twoCsmsWithAnEscalatedAccount();
		smtp.stop();
		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT status FROM mail_outbox", String.class)).hasSize(3)
			.containsOnly("PENDING");
		smtp.start();

		// the server is back: without --now nothing is due yet, with it everything goes
		assertThat(deliverMail()).contains("0 sent");
		String now = deliverMail("--now");

		assertThat(now).contains("3 pending mail(s) waiting for their next attempt are due now").contains("3 sent");
		assertThat(received()).hasSize(3);
		assertThat(this.jdbc.queryForList("SELECT status FROM mail_outbox", String.class)).containsOnly("SENT");
		// sent is sent: a second --now has nothing to bring forward or send
		assertThat(deliverMail("--now")).contains("0 pending mail(s)").contains("0 sent");
		assertThat(received()).hasSize(3);
	}

	private String deliverMail(String... options) throws Exception {
		String[] args = new String[options.length + 1];
		args[0] = "deliver-mail";
		System.arraycopy(options, 0, args, 1, options.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.deliverMail.run(new CommandArguments(new DefaultApplicationArguments(args)),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void refusedAddressFailsWithTheServersReasonAndTheOthersAreSent() throws Exception {
		this.portfolio.csms(MISAKI, "佐藤 美咲", "ja", "nobody.suzuki@example.com", "鈴木 一郎", "ja");
		this.portfolio.stalledOnboarding("ACC-1", "株式会社テスト1", MISAKI, NIGHT);
		this.portfolio.stalledOnboarding("ACC-2", "株式会社テスト2", "nobody.suzuki@example.com", NIGHT);

		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(received()).singleElement().satisfies((mail) -> assertThat(mail.to()).isEqualTo(MISAKI));
		Map<String, Object> refused = this.jdbc.queryForMap("SELECT * FROM mail_outbox WHERE recipient = ?",
				"nobody.suzuki@example.com");
		assertThat(refused.get("status")).isEqualTo("FAILED");
		assertThat((String) refused.get("last_error")).contains("550 5.1.1").contains("User unknown");
		assertThat(summaryOf(run)).contains("FAILED: 550 5.1.1");
	}

	@Test
	void aFullMailboxIsATemporaryFailureTriedAgainLater() throws Exception {
		this.portfolio.csms(MISAKI, "佐藤 美咲", "ja", "busy.suzuki@example.com", "鈴木 一郎", "ja");
		this.portfolio.stalledOnboarding("ACC-1", "株式会社テスト1", MISAKI, NIGHT);
		this.portfolio.stalledOnboarding("ACC-2", "株式会社テスト2", "busy.suzuki@example.com", NIGHT);

		this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(received()).singleElement().satisfies((mail) -> assertThat(mail.to()).isEqualTo(MISAKI));
		Map<String, Object> busy = this.jdbc.queryForMap("SELECT * FROM mail_outbox WHERE recipient = ?",
				"busy.suzuki@example.com");
		assertThat(busy.get("status")).isEqualTo("PENDING");
		assertThat(((Number) busy.get("attempts")).intValue()).isEqualTo(1);
		assertThat((String) busy.get("last_error")).contains("452 4.2.2").contains("Mailbox full");
	}

	@Test
	void twoDeliveriesAtOnceSendEachMailOnce() throws Exception {
		this.portfolio.csms(MISAKI, "佐藤 美咲", "ja", KENTA, "Kenta Tanaka", "en");
		this.launcher.run("nightlyJob", NIGHT.minusDays(1), true);
		for (int i = 1; i <= 15; i++) {
			this.portfolio.stalledOnboarding("ACC-" + i, "株式会社テスト" + i, MISAKI, NIGHT);
			this.portfolio.escalations("ACC-" + i, NIGHT);
			this.portfolio.stalledOnboarding("ACC-E" + i, "Acme " + i, KENTA, NIGHT);
			this.portfolio.escalations("ACC-E" + i, NIGHT);
		}
		smtp.stop();
		this.launcher.run("nightlyJob", NIGHT, true);
		smtp.start();
		timePassesUntilRetriesAreDue();
		// each CSM: a digest and the day's three urgent mails (the rest of the urgent
		// tasks
		// is in the digest or held back)
		assertThat(this.jdbc.queryForList("SELECT kind FROM mail_outbox ORDER BY kind", String.class))
			.containsExactly("DIGEST", "DIGEST", "URGENT", "URGENT", "URGENT", "URGENT", "URGENT", "URGENT");

		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<MailDelivery.Outcome> first = CompletableFuture.supplyAsync(() -> deliverAfter(go));
		CompletableFuture<MailDelivery.Outcome> second = CompletableFuture.supplyAsync(() -> deliverAfter(go));
		go.countDown();

		int sent = first.get().sent() + second.get().sent();
		assertThat(sent).isEqualTo(8);
		assertThat(received()).hasSize(8);
		assertThat(received().stream().map((mail) -> mail.rawHeader("Message-ID")).distinct()).hasSize(8);
		assertThat(this.jdbc.queryForList("SELECT status FROM mail_outbox", String.class)).hasSize(8)
			.containsOnly("SENT");
	}

	@Test
	void deliveryInterruptedWhileSendingIsNeverResentOnItsOwn() throws Exception {
		twoCsmsWithAnEscalatedAccount();
		smtp.stop();
		this.launcher.run("nightlyJob", NIGHT, true);
		smtp.start();
		timePassesUntilRetriesAreDue();
		// a delivery claimed Misaki's digest and died before recording the outcome: the
		// mail may have gone out
		claimedBy("crashed", MISAKI);
		this.clock.advance(Duration.ofHours(1));
		// an hour later, another delivery is sending Kenta's digest right now
		claimedBy("in-flight", KENTA);

		MailDelivery.Outcome outcome = this.delivery.deliverDue();

		assertThat(outcome.interrupted()).isEqualTo(1);
		assertThat(outcome.sent()).isEqualTo(1);
		assertThat(received()).singleElement().satisfies((mail) -> assertThat(mail.isUrgent()).isTrue());
		assertThat(statusOfDigestTo(MISAKI)).isEqualTo("UNKNOWN");
		assertThat(statusOfDigestTo(KENTA)).isEqualTo("SENDING");
		JobExecution rerun = this.launcher.run("nightlyJob", NIGHT, false);
		assertThat(received()).hasSize(1);
		assertThat(summaryOf(rerun)).contains("UNKNOWN, may or may not have been sent");

		// a person checked: the digest never arrived, so they resend it, under the same
		// Message-ID
		long unknown = this.jdbc.queryForObject("SELECT id FROM mail_outbox WHERE status = 'UNKNOWN'", Long.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.deliverMail.run(
				new CommandArguments(new DefaultApplicationArguments("deliver-mail", "--resend=" + unknown)),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 sent");
		assertThat(digestTo(MISAKI).rawHeader("Message-ID")).contains(".digest.")
			.endsWith("." + unknown + "@example.com>");
	}

	private MailDelivery.Outcome deliverAfter(CountDownLatch go) {
		try {
			go.await();
			return this.delivery.deliverDue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The CSMs' first night raised nothing (a quiet night before the accounts arrived),
	 * so what the night under test raises is news: digests and urgent mails, not a
	 * welcome.
	 */
	private void twoCsmsWithAnEscalatedAccount() throws Exception {
		this.portfolio.csms(MISAKI, "佐藤 美咲", "ja", KENTA, "Kenta Tanaka", "en");
		assertThat(this.launcher.run("nightlyJob", NIGHT.minusDays(1), true).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);
		this.portfolio.stalledOnboarding("ACC-1", "株式会社テスト1", MISAKI, NIGHT, "木村 浩二", "koji.kimura@sakura.example");
		this.portfolio.escalations("ACC-1", NIGHT);
		this.portfolio.stalledOnboarding("ACC-2", "Acme Corp", KENTA, NIGHT);
	}

	/**
	 * As long as the longest wait between attempts.
	 */
	private void timePassesUntilRetriesAreDue() {
		this.clock.advance(this.mailProperties.maxRetryBackoff());
	}

	/**
	 * What a delivery's claim of a CSM's digest leaves in the outbox, until it records
	 * the outcome.
	 */
	private void claimedBy(String token, String email) {
		this.jdbc.update("""
				UPDATE mail_outbox SET status = 'SENDING', claim_token = ?, attempts = attempts + 1, claimed_at = ?
				WHERE kind = 'DIGEST' AND recipient = ?
				""", token, Timestamp.valueOf(this.clock.localNow()), email);
	}

	private List<ReceivedMail> received() {
		return ReceivedMail.all(smtp.getReceivedMessages());
	}

	private ReceivedMail digestTo(String email) {
		List<ReceivedMail> digests = received().stream()
			.filter((mail) -> mail.to().equals(email) && !mail.isUrgent())
			.toList();
		assertThat(digests).as("digests to " + email).hasSize(1);
		return digests.get(0);
	}

	private String statusOfDigestTo(String email) {
		return this.jdbc.queryForObject(
				"SELECT o.status FROM mail_outbox o JOIN csms c ON c.id = o.csm_id WHERE o.kind = 'DIGEST' AND c.email = ?",
				String.class, email);
	}

	private long taskId(String accountId, String playbook) {
		return this.jdbc.queryForObject("""
				SELECT MIN(t.id) FROM tasks t JOIN accounts a ON a.id = t.account_id
				WHERE a.external_id = ? AND t.playbook = ?
				""", Long.class, accountId, playbook);
	}

	private String summaryOf(JobExecution execution) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.summary.print(execution, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
