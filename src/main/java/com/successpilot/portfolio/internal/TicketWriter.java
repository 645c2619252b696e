package com.successpilot.portfolio.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Writes an account's support tickets of the last 180 days. Most are closed within hours
 * or days; support-heavy customers have a burst in the last 30 days with escalations
 * above their segment's maximum, more open tickets than it allows and poor CSAT;
 * customers at risk of not renewing have open escalated tickets.
 */
final class TicketWriter {

	private static final int HISTORY_DAYS = 180;

	private final LocalDate businessDate;

	private final LocalDateTime now;

	TicketWriter(LocalDate businessDate) {
		this.businessDate = businessDate;
		this.now = businessDate.atStartOfDay();
	}

	void write(AccountProfile account, SplittableRandom random, CsvFeedWriter out) {
		ArchetypeSignals signals = account.signals();
		LocalDate from = account.startDate().isAfter(this.businessDate.minusDays(HISTORY_DAYS)) ? account.startDate()
				: this.businessDate.minusDays(HISTORY_DAYS);
		int days = (int) (this.businessDate.toEpochDay() - from.toEpochDay());
		double expected = signals.ticketsPer30Days() * account.segment().ticketVolume() * days / 30.0;
		List<Ticket> tickets = new ArrayList<>();
		for (int i = poisson(expected, random); i > 0; i--) {
			tickets.add(ticket(account, openedAt(days, random), Priority.draw(random),
					random.nextDouble() < signals.escalationChance(), false, random));
		}
		if (account.archetype() == Archetype.SUPPORT_HEAVY) {
			addBurst(account, tickets, random);
		}
		else if (account.archetype() == Archetype.RENEWAL_AT_RISK) {
			for (int i = 1 + random.nextInt(2); i > 0; i--) {
				tickets.add(ticket(account, openedAt(3 + random.nextInt(23), random), Priority.serious(random), true,
						true, random));
			}
		}
		tickets.sort(Comparator.comparing(Ticket::openedAt));
		int sequence = 1;
		for (Ticket ticket : tickets) {
			out.text(Ids.child("TKT", account, sequence++, 3))
				.text(account.id())
				.text(ticket.subject())
				.dateTime(ticket.openedAt())
				.dateTime(ticket.closedAt())
				.text(ticket.priority().label())
				.bool(ticket.escalated())
				.text((ticket.csat() > 0) ? Integer.toString(ticket.csat()) : null)
				.endRow();
		}
	}

	// more tickets in the last 30 days than the segment tolerates open, and escalations
	// above its maximum
	private void addBurst(AccountProfile account, List<Ticket> tickets, SplittableRandom random) {
		int openMax = (int) SegmentThresholds.value(account.segment(), SegmentThresholds.SUPPORT_OPEN_TICKETS_MAX);
		int escalationsMax = (int) SegmentThresholds.value(account.segment(),
				SegmentThresholds.SUPPORT_ESCALATIONS_MAX_30D);
		int burst = openMax + 3 + random.nextInt(6);
		int escalations = escalationsMax + 1 + random.nextInt(2);
		for (int i = 0; i < burst; i++) {
			boolean open = i <= openMax;
			Priority priority = (i < escalations) ? Priority.serious(random) : Priority.values()[1 + random.nextInt(3)];
			tickets.add(
					ticket(account, openedAt(1 + random.nextInt(29), random), priority, i < escalations, open, random));
		}
	}

	private Ticket ticket(AccountProfile account, LocalDateTime openedAt, Priority priority, boolean escalated,
			boolean keepOpen, SplittableRandom random) {
		ArchetypeSignals signals = account.signals();
		String subject = TicketSubjects.draw(account.japanese(), random);
		double hours = (1 + random.nextDouble() * priority.maxHoursToClose()) * (escalated ? 1.5 : 1.0);
		LocalDateTime closedAt = openedAt.plusMinutes(Math.round(hours * 60));
		if (keepOpen || !closedAt.isBefore(this.now)) {
			return new Ticket(subject, openedAt, null, priority, escalated, 0);
		}
		boolean answered = random.nextInt(100) < ((account.archetype() == Archetype.SUPPORT_HEAVY) ? 80 : 50);
		int csat = answered ? AccountPlanner.between(signals.csatLow(), signals.csatHigh(), random) : 0;
		return new Ticket(subject, openedAt, closedAt, priority, escalated, csat);
	}

	/**
	 * A moment on one of the last {@code withinDays} days, in office hours and mostly on
	 * a weekday.
	 */
	private LocalDateTime openedAt(int withinDays, SplittableRandom random) {
		LocalDate day = this.businessDate.minusDays(1 + random.nextInt(Math.max(1, withinDays)));
		LocalDate friday = day.minusDays((day.getDayOfWeek() == DayOfWeek.SATURDAY) ? 1 : 2);
		if (isWeekend(day) && random.nextInt(4) != 0 && !friday.isBefore(this.businessDate.minusDays(withinDays))) {
			day = friday;
		}
		return day.atTime(8 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
	}

	private static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	static int poisson(double mean, SplittableRandom random) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			count++;
			product *= random.nextDouble();
		}
		return count;
	}

	private record Ticket(String subject, LocalDateTime openedAt, LocalDateTime closedAt, Priority priority,
			boolean escalated, int csat) {
	}

	private enum Priority {

		LOW(160), NORMAL(96), HIGH(48), URGENT(16);

		private final int maxHoursToClose;

		Priority(int maxHoursToClose) {
			this.maxHoursToClose = maxHoursToClose;
		}

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		int maxHoursToClose() {
			return this.maxHoursToClose;
		}

		// 25 % low, 50 % normal, 15 % high, 10 % urgent
		static Priority draw(SplittableRandom random) {
			int roll = random.nextInt(100);
			return (roll < 25) ? LOW : (roll < 75) ? NORMAL : (roll < 90) ? HIGH : URGENT;
		}

		static Priority serious(SplittableRandom random) {
			return random.nextBoolean() ? HIGH : URGENT;
		}

	}

}
