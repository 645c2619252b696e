/**
 * Mail: tells CSMs about their tasks. After each nightly run a digest per CSM of the
 * tasks the run created or changed, and an immediate mail for each new task of an urgent
 * playbook, rendered from templates CS ops can override in
 * {@code config/mail-templates/}.
 * <p>
 * Owns {@code mail_outbox}. Mails are queued in the transaction that wrote their tasks
 * (through {@link com.successpilot.task.TaskChangeListener}), composed by
 * {@code mailComposeStep} and sent by {@code mailDeliveryStep}, at most once each: over
 * SMTP when {@code spring.mail.host} is set, otherwise as {@code .eml} files.
 */
package com.successpilot.mail;
