package com.successpilot.mail.internal;

/**
 * A mail ready to send: recipient, subject and both bodies.
 */
record ComposedMail(String recipient, String recipientName, String subject, String textBody, String htmlBody,
		int taskCount, String messageId) {

}
