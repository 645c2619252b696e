package com.successpilot.mail.internal;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A mail of the outbox as a MIME message: UTF-8 plain-text and HTML alternatives,
 * MIME-encoded subject and display names, and a Message-ID fixed by the outbox row, so a
 * mail an operator resends after an interrupted delivery is recognisably the same mail.
 */
final class OutboxMessage extends MimeMessage {

	private final String messageId;

	private OutboxMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	/**
	 * @param sentAt the message's {@code Date}
	 */
	static MimeMessage of(Session session, Map<String, Object> row, String from, Instant sentAt)
			throws MessagingException, UnsupportedEncodingException {
		OutboxMessage message = new OutboxMessage(session, (String) row.get("message_id"));
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		InternetAddress sender = new InternetAddress(from, true);
		helper.setFrom(new InternetAddress(sender.getAddress(), sender.getPersonal(), "UTF-8"));
		InternetAddress recipient = new InternetAddress((String) row.get("recipient"), true);
		helper.setTo(new InternetAddress(recipient.getAddress(), (String) row.get("recipient_name"), "UTF-8"));
		helper.setSubject((String) row.get("subject"));
		message.setContent(alternatives((String) row.get("text_body"), (String) row.get("html_body")));
		helper.setSentDate(Date.from(sentAt));
		message.saveChanges();
		return message;
	}

	/**
	 * multipart/alternative, plain text first: a mail program shows the last part it
	 * understands, and every part says its charset so Japanese arrives intact.
	 */
	private static MimeMultipart alternatives(String text, String html) throws MessagingException {
		MimeMultipart alternatives = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8", "plain");
		alternatives.addBodyPart(plain);
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html, "UTF-8", "html");
		alternatives.addBodyPart(rich);
		return alternatives;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		if (this.messageId != null) {
			setHeader("Message-ID", this.messageId);
		}
		else {
			super.updateMessageID();
		}
	}

}
