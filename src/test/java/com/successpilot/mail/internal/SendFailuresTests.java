package com.successpilot.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

/**
 * Permanent and temporary failures as Angus Mail's SMTP provider and Spring's mail sender
 * raise them: the reply code, nested as the provider nests it, decides.
 */
class SendFailuresTests {

	@Test
	void a5xxReplyToARecipientIsPermanentAndItsWordsAreTheReason() throws Exception {
		Exception failure = sendFailed(new SMTPAddressFailedException(new InternetAddress("nobody@example.com"),
				"RCPT TO:<nobody@example.com>", 550, "550 5.1.1 <nobody@example.com>: User unknown\n"));

		assertThat(SendFailures.isPermanent(failure)).isTrue();
		assertThat(SendFailures.reason(failure)).isEqualTo("550 5.1.1 <nobody@example.com>: User unknown");
	}

	@Test
	void a4xxReplyIsTemporary() throws Exception {
		Exception failure = sendFailed(new SMTPAddressFailedException(new InternetAddress("busy@example.com"),
				"RCPT TO:<busy@example.com>", 452, "452 4.2.2 Mailbox full"));

		assertThat(SendFailures.isPermanent(failure)).isFalse();
		assertThat(SendFailures.reason(failure)).isEqualTo("452 4.2.2 Mailbox full");
	}

	@Test
	void theRefusedRecipientDecidesNotTheOneTheServerAccepted() throws Exception {
		SMTPAddressSucceededException accepted = new SMTPAddressSucceededException(
				new InternetAddress("kenta@example.com"), "RCPT TO:<kenta@example.com>", 250, "250 OK");
		SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress("nobody@example.com"),
				"RCPT TO:<nobody@example.com>", 550, "550 User unknown");
		accepted.setNextException(refused);

		assertThat(SendFailures.isPermanent(sendFailed(accepted))).isTrue();
	}

	@Test
	void aRefusedMessageIsJudgedByTheReplyToIt() {
		SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected as spam",
				null, new Address[0], new Address[0], new Address[0]);
		SMTPSendFailedException deferred = new SMTPSendFailedException("DATA", 451, "451 4.3.0 Temporary local problem",
				null, new Address[0], new Address[0], new Address[0]);

		assertThat(SendFailures.isPermanent(new MailSendException(Map.of(new Object(), refused)))).isTrue();
		assertThat(SendFailures.isPermanent(new MailSendException(Map.of(new Object(), deferred)))).isFalse();
		assertThat(SendFailures.reason(deferred)).isEqualTo("451 4.3.0 Temporary local problem");
	}

	@Test
	void anAddressThatIsNoneIsPermanentAndAServerThatIsDownTemporary() {
		MailSendException invalid = new MailSendException("Invalid address",
				new AddressException("Missing final '@domain'", "kenta"));
		MailSendException down = new MailSendException("Mail server connection failed", new MessagingException(
				"Couldn't connect to host, port: 127.0.0.1, 2525", new ConnectException("Connection refused")));

		assertThat(SendFailures.isPermanent(invalid)).isTrue();
		assertThat(SendFailures.isPermanent(down)).isFalse();
		assertThat(SendFailures.reason(down)).isEqualTo("Mail server connection failed: Connection refused");
	}

	/**
	 * As Angus Mail reports refused recipients (SMTPTransport.rcptTo): "Invalid
	 * Addresses", with the recipients' replies chained as next exceptions, wrapped by
	 * Spring's sender.
	 */
	private static MailSendException sendFailed(MessagingException recipients) throws Exception {
		SendFailedException send = new SendFailedException("Invalid Addresses", recipients, new Address[0],
				new Address[0], new Address[] { new InternetAddress("nobody@example.com") });
		return new MailSendException(Map.of(new Object(), send));
	}

}
