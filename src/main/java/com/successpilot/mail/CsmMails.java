package com.successpilot.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.successpilot.mail.internal.MailDelivery;
import com.successpilot.mail.internal.MailQueue;

/**
 * What a run owes the CSMs, as the attention step decided it: queued in the step's
 * transaction, composed by {@code mailComposeStep} and sent by {@code mailDeliveryStep}.
 */
@Component
public class CsmMails {

	private final MailQueue queue;

	private final MailDelivery delivery;

	CsmMails(MailQueue queue, MailDelivery delivery) {
		this.queue = queue;
		this.delivery = delivery;
	}

	/**
	 * Sends every pending mail that is due now, as {@code deliver-mail} does.
	 * @return the mails sent
	 */
	public int deliverDue() {
		return this.delivery.deliverDue().sent();
	}

	/**
	 * Queues a digest per CSM listed — a welcome digest on a portfolio's first night —
	 * and an urgent mail per task listed. A mail already queued for the same run (or the
	 * same task) is not queued again.
	 * @param digests the database ids of the CSMs owed a digest
	 * @param urgentTasks the database ids of the tasks owed an urgent mail, by CSM
	 */
	public void queue(long run, LocalDate runDate, boolean firstNight, List<Long> digests,
			Map<Long, List<Long>> urgentTasks) {
		this.queue.queue(run, runDate, firstNight, digests, urgentTasks);
	}

	/**
	 * Holds the mails a run composed and has not sent (its run is held for review).
	 * @return the mails held
	 */
	public int hold(long run) {
		return this.queue.hold(run);
	}

	/**
	 * The held mails of a run become due now; the run's delivery step or
	 * {@code deliver-mail} sends them.
	 * @return the mails released
	 */
	public int release(long run) {
		return this.queue.release(run);
	}

	/**
	 * The held mails of a run are never sent.
	 * @return the mails discarded
	 */
	public int discard(long run, String reason) {
		return this.queue.discard(run, reason);
	}

	/**
	 * How many urgent mails each CSM (by database id) has been owed on a business date.
	 */
	public Map<Long, Integer> urgentMailsOn(LocalDate runDate) {
		return this.queue.urgentMailsOn(runDate);
	}

}
