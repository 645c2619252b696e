package com.successpilot.mail.internal;

import java.time.Duration;
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

	private Map<OutboxStatus, Long> counts = Map.of();

	private long countedAt = Long.MIN_VALUE;

	MailBacklogMetrics(MailOutbox outbox) {
		this.outbox = outbox;
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
		long now = System.nanoTime();
		if (this.countedAt == Long.MIN_VALUE || now - this.countedAt > FRESH_FOR.toNanos()) {
			this.counts = this.outbox.countByStatus(WATCHED);
			this.countedAt = now;
		}
		return this.counts.getOrDefault(status, 0L);
	}

}
