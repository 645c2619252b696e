package com.successpilot.mail.internal;

import java.util.Map;

/**
 * Where composed mails go: an SMTP server, or a folder of {@code .eml} files.
 */
interface MailTransport {

	/**
	 * Opens a connection for one delivery: its mails go one after another over it (one
	 * SMTP connection for all of them, re-opened after a failure). Not for use by two
	 * threads at once.
	 */
	Connection open();

	/**
	 * Where mails go, in words, e.g. {@code SMTP mail.example.com:587}.
	 */
	String description();

	/**
	 * Sends outbox rows one at a time; closing it releases the server connection.
	 */
	interface Connection extends AutoCloseable {

		/**
		 * Sends one outbox row.
		 * @return where it went, for the outbox and the run report
		 * @throws Exception on failure; {@link SendFailures} tells temporary from
		 * permanent
		 */
		String send(Map<String, Object> row) throws Exception;

		@Override
		void close();

	}

}
