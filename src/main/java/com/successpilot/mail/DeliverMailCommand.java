package com.successpilot.mail;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

import com.successpilot.mail.internal.MailComposer;
import com.successpilot.mail.internal.MailDelivery;
import com.successpilot.mail.internal.MailOutbox;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code deliver-mail [--now] [--resend=ID]}: what the nightly job's mail steps do, on
 * demand (after an SMTP outage, say); {@code --now} sends the pending mails without
 * waiting for their next attempt; and the one way to send a mail whose delivery was
 * interrupted (UNKNOWN) or refused (FAILED) again, once a person has decided to.
 */
@Component
class DeliverMailCommand extends Command {

	private final MailComposer composer;

	private final MailDelivery delivery;

	private final MailOutbox outbox;

	DeliverMailCommand(MailComposer composer, MailDelivery delivery, MailOutbox outbox) {
		super("deliver-mail", "[--now] [--resend=ID]",
				"send the pending mails that are due; --now also those waiting for their next attempt (the mail server "
						+ "is back); --resend sends an UNKNOWN or FAILED mail of the outbox again");
		this.composer = composer;
		this.delivery = delivery;
		this.outbox = outbox;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) {
		int resend = arguments.number("resend", 0);
		if (resend > 0 && !this.outbox.resend(resend)) {
			out.println("Mail #" + resend + " is neither UNKNOWN nor FAILED: nothing to resend.");
			return 1;
		}
		if (arguments.has("now")) {
			out.println(this.outbox.dueNow() + " pending mail(s) waiting for their next attempt are due now.");
		}
		this.composer.composeQueued();
		MailDelivery.Outcome outcome = this.delivery.deliverDue();
		out.printf("Mail %s: %d sent, %d to retry later, %d failed, %d interrupted deliveries now UNKNOWN%n",
				this.delivery.transportDescription(), outcome.sent(), outcome.retryLater(), outcome.failed(),
				outcome.interrupted());
		return (outcome.failed() + outcome.retryLater() + outcome.interrupted() == 0) ? 0 : 1;
	}

}
