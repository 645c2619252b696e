package com.successpilot.mail.internal;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

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

	static MimeMessage of(Session session, Map<String, Object> row, String from)
			throws MessagingException, UnsupportedEncodingException {
		OutboxMessage message = new OutboxMessage(session, (String) row.get("message_id"));
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_RELATED, "UTF-8");
		InternetAddress sender = new InternetAddress(from, true);
		helper.setFrom(new InternetAddress(sender.getAddress(), sender.getPersonal(), "UTF-8"));
		InternetAddress recipient = new InternetAddress((String) row.get("recipient"), true);
		helper.setTo(new InternetAddress(recipient.getAddress(), (String) row.get("recipient_name"), "UTF-8"));
		helper.setSubject((String) row.get("subject"));
		helper.setText((String) row.get("text_body"), (String) row.get("html_body"));
		helper.setSentDate(new Date());
		message.saveChanges();
		return message;
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
