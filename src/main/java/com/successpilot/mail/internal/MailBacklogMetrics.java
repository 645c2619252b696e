package com.successpilot.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Gauges {@code successpilot.mails} (Prometheus: {@code successpilot_mails}), one per
 * state of the outbox that is not done yet or needs a person: {@code queued},
 * {@code pending}, {@code sending}, {@code failed}, {@code unknown}. One COUNT query
 * feeds all of them, at most every few seconds however often they are scraped.
 */
@Component
class MailBacklogMetrics implements MeterBinder {

	static final Set<OutboxStatus> WATCHED = EnumSet.of(OutboxStatus.QUEUED, OutboxStatus.PENDING, OutboxStatus.SENDING,
			OutboxStatus.FAILED, OutboxStatus.UNKNOWN);

	private static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final MailOutbox outbox;

	private final Clock clock;

	private Map<OutboxStatus, Long> counts = Map.of();

	private Instant countedAt;

	MailBacklogMetrics(MailOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (OutboxStatus status : WATCHED) {
			Gauge.builder("successpilot.mails", this, (metrics) -> metrics.count(status))
				.description("Mails in the outbox by state: not sent yet (queued, pending, sending) "
						+ "or needing a person (failed, unknown)")
				.tag("status", status.name().toLowerCase())
				.register(registry);
		}
	}

	synchronized double count(OutboxStatus status) {
		Instant now = this.clock.instant();
		if (!isFresh(now)) {
			this.counts = this.outbox.countByStatus(WATCHED);
			this.countedAt = now;
		}
		return this.counts.getOrDefault(status, 0L);
	}

	// a clock set back (by a person or NTP) makes the counts stale rather than stuck
	private boolean isFresh(Instant now) {
		return this.countedAt != null && !now.isBefore(this.countedAt) && now.isBefore(this.countedAt.plus(FRESH_FOR));
	}

}
