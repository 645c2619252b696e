package com.successpilot.mail.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through Spring Boot's {@link JavaMailSender}, configured by {@code spring.mail.*}
 * (host, port, username, password, STARTTLS or SSL, timeouts). A delivery's mails go over
 * one connection, as {@link JavaMailSenderImpl} connects for a batch — but each mail is
 * handed over on its own, so its outcome is known (and recorded) before the next is sent.
 * After a failure, and after {@code successpilot.mail.mails-per-connection} mails, the
 * connection is closed and the next mail opens a fresh one.
 */
final class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String from;

	private final Session session;

	private final int mailsPerConnection;

	private final Clock clock;

	SmtpTransport(JavaMailSender sender, String from, int mailsPerConnection, Clock clock) {
		this.sender = sender;
		this.from = from;
		this.mailsPerConnection = mailsPerConnection;
		this.session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
		this.clock = clock;
	}

	@Override
	public Connection open() {
		return (this.sender instanceof JavaMailSenderImpl impl) ? new SharedConnection(impl) : new Connection() {

			@Override
			public String send(Map<String, Object> row) throws Exception {
				SmtpTransport.this.sender.send(OutboxMessage.of(SmtpTransport.this.session, row,
						SmtpTransport.this.from, SmtpTransport.this.clock.instant()));
				return "SMTP " + server();
			}

			@Override
			public void close() {
			}

		};
	}

	@Override
	public String description() {
		return "sent through SMTP " + server();
	}

	private String server() {
		return (this.sender instanceof JavaMailSenderImpl impl) ? impl.getHost() + ":" + impl.getPort() : "server";
	}

	/**
	 * One SMTP connection, opened on the first mail as {@link JavaMailSenderImpl} opens
	 * it (protocol, host, port, credentials) and kept for the next.
	 */
	private final class SharedConnection implements Connection {

		private final JavaMailSenderImpl impl;

		private Transport transport;

		private int sent;

		SharedConnection(JavaMailSenderImpl impl) {
			this.impl = impl;
		}

		@Override
		public String send(Map<String, Object> row) throws Exception {
			MimeMessage message = OutboxMessage.of(SmtpTransport.this.session, row, SmtpTransport.this.from,
					SmtpTransport.this.clock.instant());
			Address[] recipients = message.getAllRecipients();
			try {
				if (this.transport == null || this.sent >= SmtpTransport.this.mailsPerConnection
						|| !this.transport.isConnected()) {
					close();
					this.transport = connect();
				}
				this.transport.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
				this.sent++;
			}
			catch (MessagingException | RuntimeException ex) {
				// the server may have dropped us or be mid-reply: start the next mail
				// afresh
				close();
				throw ex;
			}
			return "SMTP " + server();
		}

		private Transport connect() throws MessagingException {
			String protocol = this.impl.getProtocol();
			if (protocol == null) {
				protocol = this.impl.getSession().getProperty("mail.transport.protocol");
			}
			Transport connecting = this.impl.getSession()
				.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
			String username = this.impl.getUsername();
			String password = this.impl.getPassword();
			if ("".equals(username)) {
				username = null;
				if ("".equals(password)) {
					password = null;
				}
			}
			connecting.connect(this.impl.getHost(), this.impl.getPort(), username, password);
			return connecting;
		}

		@Override
		public void close() {
			if (this.transport != null) {
				try {
					this.transport.close();
				}
				catch (MessagingException ex) {
					// the connection is gone either way
				}
				this.transport = null;
			}
			this.sent = 0;
		}

	}

}
