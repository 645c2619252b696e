package com.successpilot.mail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.faults.TcpProxy;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;
import com.successpilot.system.CommandArguments;

import static com.successpilot.mail.MailPortfolio.KENTA;
import static com.successpilot.mail.MailPortfolio.MISAKI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server in trouble during the nightly job's delivery, then well again: nothing
 * answering on its port, a server that accepts the connection and never answers, a
 * temporary refusal (4xx) and a permanent one (5xx). In each case the outbox says what
 * happened, and once the fault clears each pending mail is sent exactly once.
 * <p>
 * The application talks to a real SMTP server (GreenMail) through a {@link TcpProxy} that
 * the test cuts (connection refused) or freezes (silence).
 */
@Tag("faults")
@SuccessPilotTest
@TestPropertySource(properties = { "spring.mail.properties.mail.smtp.connectiontimeout=2000",
		"spring.mail.properties.mail.smtp.timeout=2000", "spring.mail.properties.mail.smtp.writetimeout=2000" })
class SmtpFaultsTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final int SMTP_PORT = RejectingGreenMail.freePort();

	private static final RejectingGreenMail smtp = new RejectingGreenMail(SMTP_PORT);

	private static final TcpProxy smtpLine = new TcpProxy(SMTP_PORT);

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeliverMailCommand deliverMail;

	@Autowired
	ImportDefinition definition;

	@Autowired
	MutableClock clock;

	@Autowired
	MailProperties mailProperties;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtpLine::port);
	}

	@BeforeEach
	void aNightWithThreeMails() throws Exception {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		smtp.purgeEmailFromAllMailboxes();
		TestData.deleteAll(this.jdbc);
		MailPortfolio portfolio = new MailPortfolio(this.definition);
		portfolio.csms(MISAKI, "佐藤 美咲", "ja", KENTA, "Kenta Tanaka", "en");
		// a quiet first night, so that the night under test mails news: two digests and
		// an urgent mail
		assertThat(this.launcher.run("nightlyJob", NIGHT.minusDays(1), true).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);
		portfolio.stalledOnboarding("ACC-1", "株式会社テスト1", MISAKI, NIGHT);
		portfolio.escalations("ACC-1", NIGHT);
		portfolio.stalledOnboarding("ACC-2", "Acme Corp", KENTA, NIGHT);
	}

	@AfterEach
	void serverWell() {
		smtp.answerEveryRecipient(null);
		smtpLine.cut();
		smtpLine.restore();
	}

	@AfterAll
	static void stopServer() {
		smtpLine.close();
		smtp.stop();
	}

	@Test
	void nothingAnsweringOnThePortLeavesTheMailsPendingAndDeliverMailNowSendsEachOnce() throws Exception {
		smtpLine.cut();

		nightCompletesWithItsMailsPendingFor("connect");

		smtpLine.restore();
		faultClearedEachPendingMailIsSentOnce();
	}

	@Test
	void aServerThatNeverAnswersTimesOutAndTheMailsArePendingThenSentOnce() throws Exception {
		smtpLine.freeze();
		long started = System.nanoTime();

		nightCompletesWithItsMailsPendingFor("timed out");

		// the night is not held up for ever: each connection attempt ends at the timeout
		assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(60);
		smtpLine.cut();
		smtpLine.restore();
		faultClearedEachPendingMailIsSentOnce();
	}

	@Test
	void aTemporaryRefusalLeavesTheMailsPendingForARetryThenSentOnce() throws Exception {
		smtp.answerEveryRecipient("451 4.3.0 Temporary local problem, try again later");

		nightCompletesWithItsMailsPendingFor("451 4.3.0");

		smtp.answerEveryRecipient(null);
		faultClearedEachPendingMailIsSentOnce();
	}

	@Test
	void aPermanentRefusalFailsEachMailWithTheReasonAndItIsNotTriedAgain() throws Exception {
		smtp.answerEveryRecipient("554 5.7.1 Relay access denied");

		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		List<Map<String, Object>> failed = outbox();
		assertThat(failed).hasSize(3).allSatisfy((mail) -> {
			assertThat(mail.get("status")).isEqualTo("FAILED");
			assertThat(((Number) mail.get("attempts")).intValue()).isEqualTo(1);
			assertThat((String) mail.get("last_error")).contains("554 5.7.1").contains("Relay access denied");
		});
		smtp.answerEveryRecipient(null);
		this.clock.advance(this.mailProperties.maxRetryBackoff());
		// not retried: neither when due nor with --now; a person resends with --resend
		assertThat(deliverMail("--now")).contains("0 sent");
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(outbox()).extracting((mail) -> mail.get("status")).containsOnly("FAILED");
		assertThat(outbox()).extracting((mail) -> ((Number) mail.get("attempts")).intValue()).containsOnly(1);
	}

	private void nightCompletesWithItsMailsPendingFor(String reason) throws Exception {
		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Map<String, Object>> pending = outbox();
		assertThat(pending).hasSize(3).allSatisfy((mail) -> {
			assertThat(mail.get("status")).isEqualTo("PENDING");
			assertThat(((Number) mail.get("attempts")).intValue()).isEqualTo(1);
			assertThat((String) mail.get("last_error")).containsIgnoringCase(reason);
		});
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	private void faultClearedEachPendingMailIsSentOnce() throws Exception {
		assertThat(deliverMail("--now")).contains("3 sent");
		List<ReceivedMail> received = ReceivedMail.all(smtp.getReceivedMessages());
		assertThat(received).hasSize(3);
		assertThat(received).extracting((mail) -> mail.rawHeader("Message-ID")).doesNotHaveDuplicates();
		assertThat(outbox()).extracting((mail) -> mail.get("status")).containsOnly("SENT");
		// and never again
		this.clock.advance(this.mailProperties.maxRetryBackoff());
		assertThat(deliverMail("--now")).contains("0 sent");
		assertThat(smtp.getReceivedMessages()).hasSize(3);
	}

	private List<Map<String, Object>> outbox() {
		return this.jdbc.queryForList("SELECT status, attempts, last_error FROM mail_outbox");
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

}
