package com.successpilot.mail.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailSendException;

/**
 * Tells a temporary failure (server down, 4xx: try again later) from a permanent one
 * (5xx, e.g. an unknown recipient; an address that is not one), and finds the server's
 * own words for the run report.
 */
final class SendFailures {

	private SendFailures() {
	}

	static boolean isPermanent(Throwable failure) {
		boolean invalidAddress = false;
		for (Throwable cause : chain(failure)) {
			int code = returnCode(cause);
			if (code >= 500) {
				return true;
			}
			if (code >= 400) {
				return false;
			}
			invalidAddress |= cause instanceof AddressException || (cause instanceof SendFailedException sendFailed
					&& sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0);
		}
		return invalidAddress;
	}

	/**
	 * The most specific message: the SMTP server's reply when there is one.
	 */
	static String reason(Throwable failure) {
		List<Throwable> chain = chain(failure);
		for (Throwable cause : chain) {
			if (returnCode(cause) > 0 && cause.getMessage() != null) {
				return cause.getMessage().strip();
			}
		}
		Throwable deepest = chain.get(chain.size() - 1);
		String message = (deepest.getMessage() != null) ? deepest.getMessage() : deepest.getClass().getSimpleName();
		return (deepest == failure) ? message.strip() : (failure.getMessage() + ": " + message).strip();
	}

	/**
	 * The SMTP reply code Angus Mail's SMTP provider puts on its exceptions, or -1.
	 */
	private static int returnCode(Throwable cause) {
		if (cause instanceof SMTPSendFailedException sendFailed) {
			return sendFailed.getReturnCode();
		}
		if (cause instanceof SMTPAddressFailedException addressFailed) {
			return addressFailed.getReturnCode();
		}
		if (cause instanceof SMTPSenderFailedException senderFailed) {
			return senderFailed.getReturnCode();
		}
		if (cause instanceof SMTPAddressSucceededException addressSucceeded) {
			return addressSucceeded.getReturnCode();
		}
		return -1;
	}

	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		collect(failure, chain);
		return chain;
	}

	private static void collect(Throwable failure, List<Throwable> chain) {
		if (failure == null || chain.contains(failure)) {
			return;
		}
		chain.add(failure);
		if (failure instanceof MailSendException send) {
			send.getFailedMessages().values().forEach((cause) -> collect(cause, chain));
		}
		if (failure instanceof MessagingException messaging) {
			collect(messaging.getNextException(), chain);
		}
		collect(failure.getCause(), chain);
	}

}
