package com.successpilot.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.successpilot.ChildJvm;
import com.successpilot.TestDatabase;
import com.successpilot.mail.ReceivedMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kill -9} of the nightly job's JVM in the middle of each step, then recovery as
 * docs/operations.md tells an operator ({@code run --recover}), compared with an
 * uninterrupted run of the same night: tasks, health scores, facts, the outbox and the
 * mails a real SMTP server (GreenMail) received must be the same, line for line.
 * <p>
 * Where in a step the kill lands is random: a delay after the step's start drawn from a
 * seeded {@link Random} (a share of how long the step took in the uninterrupted run), or
 * for the mail delivery a number of mails already received. The seed is printed; rerun
 * one with {@code -Dsuccesspilot.faults.seed=<seed>}.
 * <p>
 * On MariaDB also the database connection lost in the middle of the import (a proxy
 * between the job and the server, cut; the shared server is never stopped): the run
 * fails, and once the database is back the same command completes the night, again equal
 * to the uninterrupted one.
 */
@Tag("faults")
class NightlyJobFaultsTests {

	private static final long SEED = Long.getLong("successpilot.faults.seed", System.nanoTime());

	private static final Random random = new Random(SEED);

	private static final Pattern STEP_TOOK = Pattern
		.compile("Step: \\[(\\w+)\\] executed in (?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

	private static final GreenMail smtp = new GreenMail(
			new ServerSetup(TcpProxy.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static NightExport uninterrupted;

	private static List<String> uninterruptedMails;

	private static final int KILL_ATTEMPTS = 4;

	private static final Map<String, Duration> stepTook = new HashMap<>();

	private static final List<String> figures = new ArrayList<>();

	@BeforeAll
	static void anUninterruptedNight() {
		System.out.println("NightlyJobFaultsTests: seed " + SEED + " (-Dsuccesspilot.faults.seed=" + SEED + "), "
				+ FaultNight.ACCOUNTS + " accounts, " + (TestDatabase.isMariaDb() ? "MariaDB" : "H2"));
		smtp.start();
		FaultNight night = FaultNight.create("uninterrupted");
		ChildJvm.Result run = night.run(smtpPort(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT);
		assertThat(run.exitStatus()).as(run.outputText()).isZero();
		for (String line : run.output()) {
			Matcher took = STEP_TOOK.matcher(line);
			if (took.find()) {
				stepTook.put(took.group(1),
						Duration.ofHours(number(took.group(2)))
							.plusMinutes(number(took.group(3)))
							.plusSeconds(number(took.group(4)))
							.plusMillis(number(took.group(5))));
			}
		}
		uninterrupted = night.export();
		uninterruptedMails = receivedMails(night);
		assertThat(uninterrupted.tables().values()).as(uninterrupted.counts())
			.allSatisfy((lines) -> assertThat(lines).isNotEmpty());
		assertThat(uninterruptedMails).hasSizeGreaterThan(2);
		figures.add("uninterrupted: " + uninterrupted.counts() + "mails received " + uninterruptedMails.size()
				+ "; steps took " + stepTook);
	}

	@AfterAll
	static void figures() {
		smtp.stop();
		System.out.println("NightlyJobFaultsTests (seed " + SEED + "):\n  " + String.join("\n  ", figures));
	}

	@ParameterizedTest
	@EnumSource(Step.class)
	void killedInTheMiddleOfAStepTheRecoveredNightEqualsTheUninterruptedOne(Step step) throws Exception {
		FaultNight night = null;
		String killedAt = null;
		StepState state = null;
		// the step may run faster than it did in the uninterrupted night (a warmer disk,
		// a
		// quieter machine): a kill that came after the step had ended is drawn again,
		// from a window a quarter as long, and the last try kills as the step starts
		for (int attempt = 1; attempt <= KILL_ATTEMPTS; attempt++) {
			smtp.purgeEmailFromAllMailboxes();
			night = FaultNight.create("kill-" + step.name + "-" + attempt);
			double windowShare = (attempt == KILL_ATTEMPTS) ? 0 : Math.pow(0.25, attempt - 1);
			try (TcpProxy smtpLine = new TcpProxy(smtpPort());
					ChildJvm child = night.start(smtpLine.port(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT)) {
				killedAt = killWhile(step, child, smtpLine, windowShare);
			}
			state = stepState(night, step.name);
			if (state.isGoing()) {
				break;
			}
			figures.add(step.name + ": attempt " + attempt + " killed " + killedAt + ", after the step had ended ("
					+ state.status() + "); drawn again");
		}
		assertThat(state.status()).as("the kill landed while %s was going (%s)", step.name, killedAt)
			.isIn("STARTING", "STARTED");
		int receivedBeforeRecovery = smtp.getReceivedMessages().length;
		String inFlight = mailInFlight(night);

		if (step == Step.IMPORT) {
			// what the operator tries first: the same command, refused with the way out
			ChildJvm.Result again = night.run(smtpPort(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT);
			assertThat(again.exitStatus()).isNotZero();
			assertThat(again.outputText()).contains("is already running").contains("--recover");
		}
		ChildJvm.Result recovered = night.run(smtpPort(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT,
				"--recover");

		assertThat(recovered.exitStatus()).as(recovered.outputText()).isZero();
		assertThat(recovered.outputText()).contains("COMPLETED");
		List<String> mails = receivedMails(night);
		NightExport after = night.export();
		assertThat(receivedMessageIds()).as("no mail received twice").doesNotHaveDuplicates();
		NightExport expected = uninterrupted;
		String outcome = "";
		if (inFlight != null) {
			outcome = resolveTheMailInFlight(night, inFlight, recovered);
			mails = receivedMails(night);
			String[] kindAndCsm = kindAndCsm(night, inFlight);
			expected = uninterrupted.withoutTheOutcomeOf(kindAndCsm[0], kindAndCsm[1]);
			after = night.export().withoutTheOutcomeOf(kindAndCsm[0], kindAndCsm[1]);
		}
		assertSameNight(after, expected);
		assertThat(mails).isEqualTo(uninterruptedMails);
		figures.add(step.name + ": killed " + killedAt + " (" + state.description() + "), " + receivedBeforeRecovery
				+ " mail(s) received before the kill; recovered equal" + outcome);
	}

	@Test
	void databaseLostInTheMiddleOfTheImportFailsTheRunOrIsRiddenOutAndTheNightCompletesEqual() throws Exception {
		assumeTrue(TestDatabase.isMariaDb(), "the database server is a separate process on MariaDB only");
		smtp.purgeEmailFromAllMailboxes();
		FaultNight direct = FaultNight.create("lost-database");
		Matcher server = Pattern.compile("//([^:/]+):(\\d+)/").matcher(direct.url);
		assertThat(server.find()).isTrue();
		ChildJvm.Result failed;
		String lostAt;
		try (TcpProxy databaseLine = new TcpProxy(Integer.parseInt(server.group(2)))) {
			FaultNight night = direct.through(server.replaceFirst("//127.0.0.1:" + databaseLine.port() + "/"));
			try (ChildJvm child = night.start(smtpPort(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT)) {
				child.awaitLine((line) -> line.contains("Executing step: [usageImportStep]"), Duration.ofMinutes(3));
				long delay = (long) (random.nextDouble() * stepTook.get("usageImportStep").toMillis() * 3 / 4);
				assertThat(child.endsWithin(Duration.ofMillis(delay))).isFalse();
				databaseLine.cut();
				lostAt = delay + " ms into usageImportStep";
				// the database is back a few seconds later, as after a fail-over
				boolean endedWhileLost = child.endsWithin(Duration.ofSeconds(3));
				databaseLine.restore();
				failed = new ChildJvm.Result(child.waitFor(Duration.ofMinutes(3)), child.output());
				lostAt += endedWhileLost ? " (the command ended while it was lost)" : "";
			}
		}
		System.out.println("Lost database, the run's output:\n" + failed.outputText());
		if (failed.exitStatus() == 0) {
			// no statement was in flight when the line was cut: the connection pool
			// waited
			// for new connections and got them once the database was back; the night must
			// still be the uninterrupted one
			assertThat(failed.outputText()).contains("COMPLETED");
			assertSameNight(direct.export(), uninterrupted);
			assertThat(receivedMails(direct)).isEqualTo(uninterruptedMails);
			figures.add("database lost " + lostAt + ": the run rode out the outage (the pool reconnected); equal");
			return;
		}

		// the operator runs the same command; a failure that could not be rolled back
		// (UNKNOWN) is refused with the way out, --recover
		ChildJvm.Result restarted = direct.run(smtpPort(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT);
		String how = "the same command completed it";
		if (restarted.exitStatus() != 0) {
			assertThat(restarted.outputText()).contains("ended UNKNOWN").contains("--recover");
			restarted = direct.run(smtpPort(), "run", "nightlyJob", "--date=" + FaultNight.NIGHT, "--recover");
			how = "the same command named --recover (UNKNOWN), which completed it";
		}

		assertThat(restarted.exitStatus()).as(restarted.outputText()).isZero();
		assertSameNight(direct.export(), uninterrupted);
		assertThat(receivedMails(direct)).isEqualTo(uninterruptedMails);
		figures.add("database lost " + lostAt + ": the run failed (exit " + failed.exitStatus() + ", "
				+ failed.output().stream().filter((line) -> line.contains("FAILED")).toList() + "), " + how
				+ "; equal");
	}

	/**
	 * Waits until the step has started, then kills the child at a random point of it.
	 * @return where, for the figures
	 */
	private static String killWhile(Step step, ChildJvm child, TcpProxy smtpLine, double windowShare) throws Exception {
		child.awaitLine((line) -> line.contains("Executing step: [" + step.name + "]"), Duration.ofMinutes(3));
		if (step == Step.DELIVERY) {
			// a random number of the night's mails through, then the SMTP conversation of
			// the next one stops where it is and the process dies in the middle of it
			int through = 1 + random.nextInt(uninterruptedMails.size() - 1);
			assertThat(smtp.waitForIncomingEmail(60_000, through)).as("%d mails received", through).isTrue();
			smtpLine.freeze();
			child.kill();
			return "after " + through + " mail(s) received, the next one in flight";
		}
		long window = Math.max(1, (long) (stepTook.get(step.name).toMillis() * 3 / 4 * windowShare));
		long delay = (long) (random.nextDouble() * window);
		// waiting for the process to end (it should not, within the delay), then kill -9
		boolean ended = child.endsWithin(Duration.ofMillis(delay));
		child.kill();
		return delay + " ms into the step (of " + window + " ms drawn from)" + (ended ? ", but it had ended" : "");
	}

	/**
	 * A mail the killed delivery had claimed and not recorded: the server may or may not
	 * have it. Time passes beyond the sending lease (its claim is moved back), the next
	 * delivery marks it UNKNOWN and reports it, never resends it by itself; a person
	 * checks and resends it only if it never arrived (docs/mail.md).
	 * @return what happened, for the figures
	 */
	private static String resolveTheMailInFlight(FaultNight night, String messageId, ChildJvm.Result recovered)
			throws SQLException {
		boolean arrived = countReceived(messageId) == 1;
		assertThat(countReceived(messageId)).as("at most once").isLessThanOrEqualTo(1);
		try (Connection connection = night.connect();
				PreparedStatement leaseOver = connection.prepareStatement(
						"UPDATE mail_outbox SET claimed_at = ? WHERE status = 'SENDING' AND message_id = ?")) {
			leaseOver.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now().minusHours(1)));
			leaseOver.setString(2, messageId);
			assertThat(leaseOver.executeUpdate())
				.as("still SENDING after the recovered run:\n%s", recovered.outputText())
				.isOne();
		}
		ChildJvm.Result deliver = night.run(smtpPort(), "deliver-mail");
		// exit 1: something needs a person
		assertThat(deliver.exitStatus()).as(deliver.outputText()).isOne();
		assertThat(deliver.outputText()).contains("1 interrupted deliveries now UNKNOWN");
		assertThat(countReceived(messageId)).as("never resent by itself").isEqualTo(arrived ? 1L : 0L);
		long id;
		try (Connection connection = night.connect();
				PreparedStatement unknown = connection
					.prepareStatement("SELECT id, status FROM mail_outbox WHERE message_id = ?")) {
			unknown.setString(1, messageId);
			try (ResultSet row = unknown.executeQuery()) {
				assertThat(row.next()).isTrue();
				id = row.getLong(1);
				assertThat(row.getString(2)).isEqualTo("UNKNOWN");
			}
		}
		if (arrived) {
			// it did arrive: the person leaves it UNKNOWN
			return "; the mail in flight had arrived, UNKNOWN, not resent";
		}
		ChildJvm.Result resend = night.run(smtpPort(), "deliver-mail", "--resend=" + id);
		assertThat(resend.exitStatus()).as(resend.outputText()).isZero();
		assertThat(countReceived(messageId)).isOne();
		return "; the mail in flight had not arrived, UNKNOWN, resent by a person";
	}

	/**
	 * Line for line the same, byte for byte; the lines that differ first, if any.
	 */
	private static void assertSameNight(NightExport night, NightExport expected) {
		assertThat(night.linesNotIn(expected)).as("lines the uninterrupted night does not have").isEmpty();
		assertThat(expected.linesNotIn(night)).as("lines of the uninterrupted night missing").isEmpty();
		assertThat(night.text()).isEqualTo(expected.text());
	}

	private static String[] kindAndCsm(FaultNight night, String messageId) throws SQLException {
		try (Connection connection = night.connect();
				PreparedStatement mail = connection.prepareStatement(
						"SELECT o.kind, c.email FROM mail_outbox o JOIN csms c ON c.id = o.csm_id WHERE o.message_id = ?")) {
			mail.setString(1, messageId);
			try (ResultSet row = mail.executeQuery()) {
				assertThat(row.next()).isTrue();
				return new String[] { row.getString(1), row.getString(2) };
			}
		}
	}

	private static long countReceived(String messageId) {
		return receivedMessageIds().stream().filter(messageId::equals).count();
	}

	private static List<String> receivedMessageIds() {
		return ReceivedMail.all(smtp.getReceivedMessages())
			.stream()
			.map((mail) -> mail.rawHeader("Message-ID"))
			.toList();
	}

	private static String mailInFlight(FaultNight night) throws SQLException {
		try (Connection connection = night.connect();
				PreparedStatement sending = connection
					.prepareStatement("SELECT message_id FROM mail_outbox WHERE status = 'SENDING'");
				ResultSet rows = sending.executeQuery()) {
			String found = rows.next() ? rows.getString(1) : null;
			assertThat(rows.next()).as("at most one mail in flight").isFalse();
			return found;
		}
	}

	private static StepState stepState(FaultNight night, String stepName) throws SQLException {
		try (Connection connection = night.connect();
				PreparedStatement step = connection.prepareStatement(
						"SELECT status, commit_count, write_count FROM BATCH_STEP_EXECUTION WHERE step_name = ?"
								+ " ORDER BY step_execution_id DESC");
				ResultSet rows = (prepared(step, stepName)).executeQuery()) {
			assertThat(rows.next()).as("%s started", stepName).isTrue();
			return new StepState(rows.getString(1), rows.getLong(2), rows.getLong(3));
		}
	}

	private static PreparedStatement prepared(PreparedStatement statement, String value) throws SQLException {
		statement.setString(1, value);
		return statement;
	}

	private static List<String> receivedMails(FaultNight night) {
		return NightExport.mails(ReceivedMail.all(smtp.getReceivedMessages()),
				NightExport.taskKeys(night.url, TestDatabase.user(), TestDatabase.password()));
	}

	private static int smtpPort() {
		return smtp.getSmtp().getPort();
	}

	private static long number(String digits) {
		return (digits != null) ? Long.parseLong(digits) : 0;
	}

	/**
	 * The steps killed, one of each kind.
	 */
	enum Step {

		IMPORT("usageImportStep"), METRICS("accountMetricsStep"), JUDGEMENT("accountJudgementStep"),
		ATTENTION("attentionStep"), COMPOSE("mailComposeStep"), DELIVERY("mailDeliveryStep");

		final String name;

		Step(String name) {
			this.name = name;
		}

	}

	private record StepState(String status, long commits, long writes) {

		boolean isGoing() {
			return "STARTING".equals(this.status) || "STARTED".equals(this.status);
		}

		String description() {
			return this.status + " at the kill, " + this.commits + " chunk(s) committed, " + this.writes
					+ " item(s) written";
		}

	}

}
