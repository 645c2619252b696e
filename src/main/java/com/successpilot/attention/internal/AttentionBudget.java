package com.successpilot.attention.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.successpilot.mail.CsmMails;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.task.TaskDeliveries;
import com.successpilot.task.TaskDeliveries.CsmLoad;
import com.successpilot.task.TaskDeliveries.QueuedTask;

/**
 * Spends each CSM's attention for one run: delivers the best-ranked tasks held back, up
 * to the CSM's new tasks per day and open tasks at most; picks, among tonight's new
 * urgent tasks, those that get a mail of their own, up to the urgent mails per day (none
 * on a portfolio's first night: everything is new then, nothing is news); and queues a
 * digest for every CSM with something delivered, changed or closed — a welcome digest on
 * the first night. Records per CSM what it did in the attention ledger.
 */
@Component
public class AttentionBudget {

	private static final Logger log = LoggerFactory.getLogger(AttentionBudget.class);

	private final TaskDeliveries deliveries;

	private final CsmMails mails;

	private final AttentionLedger ledger;

	AttentionBudget(TaskDeliveries deliveries, CsmMails mails, AttentionLedger ledger) {
		this.deliveries = deliveries;
		this.mails = mails;
		this.ledger = ledger;
	}

	/**
	 * @return how many tasks reached their CSMs
	 */
	public int spend(long run, LocalDate runDate, AttentionPolicy policy) {
		long started = System.nanoTime();
		boolean firstNight = !this.ledger.anyNightBefore(runDate);
		int moved = this.deliveries.followAccountCsms();
		if (moved > 0) {
			log.info("attentionStep: {} active task(s) follow their account to its new CSM", moved);
		}
		int delivered = this.deliveries.deliverUnowned(run, runDate);
		Map<Long, CsmLoad> loads = this.deliveries.loads(run, runDate);
		long loaded = System.nanoTime();
		Map<Long, String> emails = this.ledger.csmEmails();
		warnAboutUnknownCsms(policy, emails.values());
		Map<Long, Integer> urgentToday = this.mails.urgentMailsOn(runDate);
		int most = policy.budget()
			.perCsm()
			.values()
			.stream()
			.mapToInt(AttentionPolicy.Allowance::newTasksPerDay)
			.max()
			.orElse(0);
		Map<Long, List<QueuedTask>> queue = this.deliveries
			.queue(Math.max(most, policy.budget().defaults().newTasksPerDay()));
		long queued = System.nanoTime();
		List<Long> digests = new ArrayList<>();
		Map<Long, List<Long>> urgentMails = new LinkedHashMap<>();
		List<AttentionLedger.Entry> entries = new ArrayList<>();
		List<QueuedTask> toDeliver = new ArrayList<>();
		for (Map.Entry<Long, CsmLoad> entry : loads.entrySet()) {
			long csm = entry.getKey();
			CsmLoad load = entry.getValue();
			AttentionPolicy.Allowance allowance = policy.budget().of(emails.get(csm));
			int capacity = Math.max(0, Math.min(allowance.newTasksPerDay() - load.deliveredToday(),
					allowance.openTasksMax() - load.openNow()));
			List<QueuedTask> released = queue.getOrDefault(csm, List.of()).stream().limit(capacity).toList();
			// read in this transaction, still held back: delivered together below
			int deliveredNow = released.size();
			toDeliver.addAll(released);
			List<Long> urgent = new ArrayList<>();
			int urgentHeld = 0;
			int urgentLeft = Math.max(0, allowance.urgentMailsPerDay() - urgentToday.getOrDefault(csm, 0));
			for (QueuedTask task : released) {
				// urgency is news: only for what tonight raised, and not on the first
				// night
				if (task.urgent() && task.createdRun() == run && !firstNight) {
					if (urgent.size() < urgentLeft) {
						urgent.add(task.id());
					}
					else {
						urgentHeld++;
					}
				}
			}
			if (!urgent.isEmpty()) {
				urgentMails.put(csm, urgent);
			}
			if (deliveredNow > 0 || load.changed() > 0) {
				digests.add(csm);
			}
			int releasedFromEarlier = (int) released.stream().filter((task) -> task.createdRun() != run).count();
			entries.add(new AttentionLedger.Entry(csm, load.raised(), deliveredNow, releasedFromEarlier,
					load.queued() - deliveredNow, load.closedWhileHeld(), urgent.size(), urgentHeld,
					allowance.newTasksPerDay(), allowance.urgentMailsPerDay()));
		}
		long decided = System.nanoTime();
		delivered += this.deliveries.deliver(toDeliver, run, runDate);
		long written = System.nanoTime();
		this.mails.queue(run, runDate, firstNight, digests, urgentMails);
		this.ledger.record(run, runDate, firstNight, entries);
		long ended = System.nanoTime();
		log.info(
				"attentionStep: {} task(s) reached {} CSM(s), {} held back{}; {} digest(s), {} urgent mail(s) queued "
						+ "({} ms: what each CSM holds {} ms, their best held-back tasks {} ms, delivering {} ms, "
						+ "queueing mails and the ledger {} ms)",
				delivered, digests.size(), entries.stream().mapToInt(AttentionLedger.Entry::heldBack).sum(),
				firstNight ? " (first night)" : "", digests.size(),
				urgentMails.values().stream().mapToInt(List::size).sum(), millis(started, ended),
				millis(started, loaded), millis(loaded, queued), millis(decided, written), millis(written, ended));
		return delivered;
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	/**
	 * CSMs in the policy's per-CSM budgets that the portfolio does not know: most likely
	 * a typo in {@code attention.yml}, whose budget then applies to no one.
	 */
	private static void warnAboutUnknownCsms(AttentionPolicy policy, Collection<String> known) {
		List<String> unknown = new ArrayList<>(new TreeSet<>(policy.budget().perCsm().keySet()));
		unknown.removeAll(known);
		if (!unknown.isEmpty()) {
			log.warn("{} names CSMs the portfolio does not have (their budgets apply to no one): {}",
					AttentionPolicy.FILE, String.join(", ", unknown));
		}
	}

}
