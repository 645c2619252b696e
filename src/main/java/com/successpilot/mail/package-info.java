/**
 * Mail: tells CSMs about their tasks. After each run a digest per CSM of the tasks that
 * reached them, changed materially or closed (a welcome digest on the first night), and a
 * mail of its own for new urgent tasks within the day's budget, rendered from templates
 * CS ops can override in {@code config/mail-templates/}.
 * <p>
 * Owns {@code mail_outbox}. Mails are queued by the attention step, in the transaction
 * that delivered their tasks (through {@link com.successpilot.mail.CsmMails}), composed
 * by {@code mailComposeStep} and sent by {@code mailDeliveryStep}, at most once each:
 * over SMTP when {@code spring.mail.host} is set, otherwise as {@code .eml} files.
 */
package com.successpilot.mail;
