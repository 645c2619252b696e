package com.successpilot.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A delivery's mails go over one SMTP connection to a real server (GreenMail), a new one
 * every {@code mails-per-connection} mails and after the server went away. Connections
 * are counted by the EHLO greetings in Jakarta Mail's protocol trace.
 */
class SmtpTransportTests {

	private static final Instant SENT_AT = Instant.parse("2026-11-23T01:42:07Z");

	private final Clock clock = Clock.fixed(SENT_AT, ZoneOffset.UTC);

	private GreenMail server;

	private JavaMailSenderImpl sender;

	private final ByteArrayOutputStream trace = new ByteArrayOutputStream();

	@BeforeEach
	void startServer() {
		// a fixed port, so that a restarted server is found where it was
		this.server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
		this.sender = new JavaMailSenderImpl();
		this.sender.setHost("127.0.0.1");
		this.sender.setPort(this.server.getSmtp().getPort());
		this.sender.getSession().setDebug(true);
		this.sender.getSession().setDebugOut(new PrintStream(this.trace, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void mailsShareAConnectionUpToTheLimit() throws Exception {
		SmtpTransport transport = new SmtpTransport(this.sender, "SuccessPilot <successpilot@example.com>", 2,
				this.clock);

		try (MailTransport.Connection connection = transport.open()) {
			for (int mail = 1; mail <= 5; mail++) {
				assertThat(connection.send(row(mail))).isEqualTo("SMTP 127.0.0.1:" + this.server.getSmtp().getPort());
			}
		}

		MimeMessage[] received = this.server.getReceivedMessages();
		assertThat(received).hasSize(5);
		assertThat(received).extracting(MimeMessage::getMessageID)
			.containsExactly("<mail-1@successpilot>", "<mail-2@successpilot>", "<mail-3@successpilot>",
					"<mail-4@successpilot>", "<mail-5@successpilot>");
		assertThat(connections()).isEqualTo(3);
		// the Date header is the clock's when the mail was handed over
		assertThat(received).extracting(MimeMessage::getSentDate).containsOnly(Date.from(SENT_AT));
	}

	@Test
	void aLostConnectionFailsOneMailAndTheNextOpensANewOne() throws Exception {
		SmtpTransport transport = new SmtpTransport(this.sender, "SuccessPilot <successpilot@example.com>", 100,
				this.clock);

		try (MailTransport.Connection connection = transport.open()) {
			connection.send(row(1));
			this.server.stop();
			assertThatException().isThrownBy(() -> connection.send(row(2)));
			this.server.start();
			connection.send(row(3));
		}

		assertThat(this.server.getReceivedMessages()).extracting(MimeMessage::getMessageID)
			.containsExactly("<mail-3@successpilot>");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int connections() {
		Matcher ehlo = Pattern.compile("(?m)^EHLO ").matcher(this.trace.toString(StandardCharsets.UTF_8));
		int count = 0;
		while (ehlo.find()) {
			count++;
		}
		return count;
	}

	private static Map<String, Object> row(int number) {
		Map<String, Object> row = new HashMap<>();
		row.put("message_id", "<mail-" + number + "@successpilot>");
		row.put("recipient", "sato@example.com");
		row.put("recipient_name", "佐藤 花子");
		row.put("subject", "Tasks " + number);
		row.put("text_body", "Body " + number);
		row.put("html_body", "<p>Body " + number + "</p>");
		return row;
	}

}
