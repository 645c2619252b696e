package com.successpilot.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real in-process SMTP server (GreenMail) that, like a real one, refuses recipients it
 * does not know: any address whose local part starts with {@code nobody} gets
 * {@code 550 5.1.1} at RCPT (permanent), one starting with {@code busy} a full mailbox's
 * {@code 452 4.2.2} (temporary). GreenMail 2.1.8 accepts every recipient by itself; its
 * {@link SmtpManager#checkRecipient} hook is what a refusal plugs into. A test may also
 * make it answer every recipient with one reply ({@link #answerEveryRecipient}), as a
 * server in trouble does, and then recover.
 */
final class RejectingGreenMail extends GreenMail {

	private volatile String everyRecipient;

	RejectingGreenMail(int port) {
		super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/**
	 * @param reply the answer to every RCPT from now on (e.g. {@code 451 4.3.0 …}), or
	 * {@code null} to accept again
	 */
	void answerEveryRecipient(String reply) {
		this.everyRecipient = reply;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
		SmtpManager rejecting = new RejectingSmtpManager(managers.getImapHostManager(), managers.getUserManager(),
				this);
		return super.createServices(config, new Managers() {

			@Override
			public SmtpManager getSmtpManager() {
				return rejecting;
			}

			@Override
			public UserManager getUserManager() {
				return managers.getUserManager();
			}

			@Override
			public ImapHostManager getImapHostManager() {
				return managers.getImapHostManager();
			}

		});
	}

	private static final class RejectingSmtpManager extends SmtpManager {

		private final RejectingGreenMail server;

		RejectingSmtpManager(ImapHostManager imapHostManager, UserManager userManager, RejectingGreenMail server) {
			super(imapHostManager, userManager);
			this.server = server;
		}

		@Override
		public String checkRecipient(SmtpState state, MailAddress address) {
			if (this.server.everyRecipient != null) {
				return this.server.everyRecipient;
			}
			if (address.getUser().startsWith("nobody")) {
				return "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: User unknown";
			}
			if (address.getUser().startsWith("busy")) {
				return "452 4.2.2 <" + address.getEmail() + ">: Mailbox full, try again later";
			}
			return super.checkRecipient(state, address);
		}

	}

}
