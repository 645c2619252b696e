package com.successpilot.mail;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail as the SMTP server (or a mail program) received it, decoded.
 */
public record ReceivedMail(MimeMessage message, String to, String toName, String fromName, String subject, String text,
		String html) {

	public static ReceivedMail of(MimeMessage message) {
		try {
			InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
			InternetAddress from = (InternetAddress) message.getFrom()[0];
			return new ReceivedMail(message, to.getAddress(), to.getPersonal(), from.getPersonal(),
					message.getSubject(), part(message, "text/plain"), part(message, "text/html"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static List<ReceivedMail> all(MimeMessage[] messages) {
		return Arrays.stream(messages).map(ReceivedMail::of).toList();
	}

	boolean isUrgent() {
		return this.subject.contains("Urgent:") || this.subject.contains("至急:");
	}

	public String rawHeader(String name) {
		try {
			return this.message.getHeader(name, ",");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
