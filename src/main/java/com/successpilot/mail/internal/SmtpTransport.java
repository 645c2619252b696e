package com.successpilot.mail.internal;

import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through Spring Boot's {@link JavaMailSender}, configured by {@code spring.mail.*}
 * (host, port, username, password, STARTTLS or SSL, timeouts).
 */
final class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String from;

	private final Session session;

	SmtpTransport(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
		this.session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
	}

	@Override
	public String send(Map<String, Object> row) throws Exception {
		MimeMessage message = OutboxMessage.of(this.session, row, this.from);
		this.sender.send(message);
		return "SMTP " + server();
	}

	@Override
	public String description() {
		return "sent through SMTP " + server();
	}

	private String server() {
		return (this.sender instanceof JavaMailSenderImpl impl) ? impl.getHost() + ":" + impl.getPort() : "server";
	}

}
