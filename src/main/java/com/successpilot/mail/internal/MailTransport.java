package com.successpilot.mail.internal;

import java.util.Map;

/**
 * Where composed mails go: an SMTP server, or a folder of {@code .eml} files.
 */
interface MailTransport {

	/**
	 * Sends one outbox row.
	 * @return where it went, for the outbox and the run report
	 * @throws Exception on failure; {@link SendFailures} tells temporary from permanent
	 */
	String send(Map<String, Object> row) throws Exception;

	/**
	 * Where mails go, in words, e.g. {@code SMTP mail.example.com:587}.
	 */
	String description();

}
