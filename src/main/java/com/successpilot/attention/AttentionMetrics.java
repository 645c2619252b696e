package com.successpilot.attention;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import com.successpilot.attention.internal.AttentionLedger;

/**
 * Per CSM, what the attention step did (Prometheus:
 * {@code successpilot_attention_tasks_total} with {@code outcome} raised, delivered,
 * released, closed_while_held and {@code successpilot_attention_urgent_mails_total}), and
 * how many tasks wait for capacity ({@code successpilot_attention_held_back}, a gauge of
 * the last run).
 */
@Component
class AttentionMetrics {

	private final MeterRegistry registry;

	private final Map<String, AtomicInteger> heldBack = new ConcurrentHashMap<>();

	AttentionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String job, List<AttentionLedger.Row> rows) {
		for (AttentionLedger.Row row : rows) {
			count(job, row.csmEmail(), "raised", row.raised());
			count(job, row.csmEmail(), "delivered", row.delivered());
			count(job, row.csmEmail(), "released", row.released());
			count(job, row.csmEmail(), "closed_while_held", row.closedWhileHeld());
			Counter.builder("successpilot.attention.urgent.mails")
				.description("Mails about a single urgent task, per CSM")
				.tag("job", job)
				.tag("csm", row.csmEmail())
				.register(this.registry)
				.increment(row.urgentMails());
			this.heldBack.computeIfAbsent(row.csmEmail(), (csm) -> {
				AtomicInteger level = new AtomicInteger();
				Gauge.builder("successpilot.attention.held.back", level, AtomicInteger::get)
					.description("Tasks held back for a CSM after the last run, waiting for capacity")
					.tag("csm", csm)
					.register(this.registry);
				return level;
			}).set(row.heldBack());
		}
	}

	private void count(String job, String csm, String outcome, int amount) {
		Counter.builder("successpilot.attention.tasks")
			.description("Tasks per CSM by what the attention step did with them")
			.tag("job", job)
			.tag("csm", csm)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment(amount);
	}

}
