package com.successpilot.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.successpilot.mail.MailProperties;

/**
 * Sends the pending mails that are due, each at most once: a mail is claimed (PENDING →
 * SENDING with a fresh token) in a transaction committed before sending, and recorded
 * SENT, retried later or FAILED in another one after. A delivery interrupted between the
 * two leaves the mail SENDING; once its lease has expired it becomes UNKNOWN and is never
 * sent again on its own. Safe to run twice at once: only one claim of a mail succeeds. A
 * delivery's mails share one connection to the server, still claimed, sent and recorded
 * one by one.
 */
@Component
public class MailDelivery {

	private static final Log logger = LogFactory.getLog(MailDelivery.class);

	private static final int BATCH = 100;

	private final MailOutbox outbox;

	private final MailProperties properties;

	private final MailTransport transport;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MailDelivery(MailOutbox outbox, MailProperties properties, ObjectProvider<JavaMailSender> mailSender,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		JavaMailSender sender = mailSender.getIfAvailable();
		this.transport = (sender != null)
				? new SmtpTransport(sender, properties.from(), properties.mailsPerConnection(), clock)
				: new EmlFolderTransport(properties.emlDir(), properties.from(), clock);
		// each claim and each outcome commits on its own, whatever transaction the caller
		// (a step) is in
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * What one delivery did.
	 */
	public record Outcome(int sent, int retryLater, int failed, int interrupted) {

	}

	public Outcome deliverDue() {
		int interrupted = this.transaction.execute((status) -> this.outbox
			.expireLeases(LocalDateTime.now(this.clock).minus(this.properties.sendingLease())));
		int[] counts = new int[4];
		Set<Long> tried = new HashSet<>();
		try (MailTransport.Connection connection = this.transport.open()) {
			while (true) {
				List<Long> due = this.transaction
					.execute((status) -> this.outbox.due(LocalDateTime.now(this.clock), BATCH))
					.stream()
					.filter(tried::add)
					.toList();
				if (due.isEmpty()) {
					break;
				}
				due.forEach((id) -> counts[deliver(id, connection)]++);
			}
		}
		return new Outcome(counts[0], counts[1], counts[2], interrupted);
	}

	/**
	 * Sends one mail that is due now (an operator's resend), through a connection of its
	 * own, claimed like any other so that a delivery running at the same time cannot send
	 * it too.
	 * @return what became of it
	 */
	public Outcome deliverOne(long id) {
		int[] counts = new int[4];
		try (MailTransport.Connection connection = this.transport.open()) {
			counts[deliver(id, connection)]++;
		}
		return new Outcome(counts[0], counts[1], counts[2], 0);
	}

	/**
	 * Where mails go, in words.
	 */
	public String transportDescription() {
		return this.transport.description();
	}

	/**
	 * @return 0 sent, 1 to retry later, 2 failed, 3 taken by another delivery
	 */
	private int deliver(long id, MailTransport.Connection connection) {
		String token = UUID.randomUUID().toString();
		Map<String, Object> row = this.transaction
			.execute((status) -> this.outbox.claim(id, token, LocalDateTime.now(this.clock)) ? this.outbox.claimed(id)
					: null);
		if (row == null) {
			return 3;
		}
		String deliveredTo;
		try {
			deliveredTo = connection.send(row);
		}
		catch (Exception ex) {
			return failed(id, token, ((Number) row.get("attempts")).intValue(), ex);
		}
		this.transaction.executeWithoutResult((status) -> this.outbox.sent(id, token, deliveredTo));
		return 0;
	}

	private int failed(long id, String token, int attempts, Exception failure) {
		String reason = SendFailures.reason(failure);
		if (SendFailures.isPermanent(failure)) {
			logger.warn("Mail " + id + " refused for good: " + reason);
			this.transaction.executeWithoutResult((status) -> this.outbox.failed(id, token, reason));
			return 2;
		}
		if (attempts >= this.properties.maxAttempts()) {
			logger.warn("Mail " + id + " failed " + attempts + " times, giving up: " + reason);
			this.transaction.executeWithoutResult((status) -> this.outbox.failed(id, token,
					"Gave up after " + attempts + " attempts; last: " + reason));
			return 2;
		}
		LocalDateTime next = LocalDateTime.now(this.clock).plus(backoff(attempts));
		logger.info("Mail " + id + " not sent (attempt " + attempts + "), next attempt at " + next + ": " + reason);
		this.transaction.executeWithoutResult((status) -> this.outbox.retryLater(id, token, next, reason));
		return 1;
	}

	private Duration backoff(int attempts) {
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.properties.maxRetryBackoff()) > 0) ? this.properties.maxRetryBackoff() : wait;
	}

}
