/**
 * How task mails are queued, composed and delivered: {@link MailOutbox} (all SQL on
 * {@code mail_outbox}), {@link MailQueue} (the task listener), {@link MailComposer} with
 * {@link MailTemplates} (Mustache, rendered by JMustache), and {@link MailDelivery} with
 * its two transports, {@link SmtpTransport} and {@link EmlFolderTransport}; for operators
 * the outbox gauges ({@link MailBacklogMetrics}) and, without an SMTP server, the
 * {@code mail} health component ({@link EmlFolderHealthIndicator}).
 */
package com.successpilot.mail.internal;
