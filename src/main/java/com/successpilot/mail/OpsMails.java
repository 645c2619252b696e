package com.successpilot.mail;

import java.time.LocalDate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.successpilot.mail.internal.MailQueue;

/**
 * Mails to CS ops ({@code successpilot.mail.ops-recipients}): what a run needs them to
 * look at — a night held for review, the last good rules standing in for broken files.
 * Queued in the outbox like every mail (sent by the run's delivery step or
 * {@code deliver-mail}, retried, never twice), once per key. Ops recipients have no
 * language of their own on record, so each mail says it in Japanese and in English.
 */
@Component
public class OpsMails {

	private static final Log logger = LogFactory.getLog(OpsMails.class);

	private final MailQueue queue;

	private final MailProperties properties;

	OpsMails(MailQueue queue, MailProperties properties) {
		this.queue = queue;
		this.properties = properties;
	}

	/**
	 * Queues the mail for every ops recipient, unless it was queued before under the same
	 * key.
	 * @param key what the mail is about, e.g. {@code held:42}; the same key is mailed
	 * once
	 * @return how many mails were queued
	 */
	public int tell(String key, long run, LocalDate runDate, Text english, Text japanese) {
		if (this.properties.opsRecipients().isEmpty()) {
			logger.info("Not mailing CS ops about " + key + ": successpilot.mail.ops-recipients is empty");
			return 0;
		}
		String subject = "[SuccessPilot] " + japanese.subject() + " / " + english.subject();
		String text = japanese.body() + "\n\n----\n\n" + english.body() + "\n";
		String html = "<pre style=\"font-family: sans-serif; white-space: pre-wrap\">" + HtmlUtils.htmlEscape(text)
				+ "</pre>";
		int queued = 0;
		for (String recipient : this.properties.opsRecipients()) {
			String mailKey = "ops:" + key + ":" + recipient;
			if (this.queue.queueForOps(mailKey, run, runDate, recipient, subject, text, html, messageId(mailKey))) {
				queued++;
			}
		}
		return queued;
	}

	private String messageId(String key) {
		String domain = this.properties.from().replaceAll("(?s).*@([^>\\s]+).*", "$1");
		return "<successpilot." + key.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain + ">";
	}

	/**
	 * A mail's subject and body in one language.
	 */
	public record Text(String subject, String body) {

	}

}
