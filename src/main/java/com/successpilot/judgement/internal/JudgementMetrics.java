package com.successpilot.judgement.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.successpilot.judgement.JudgementListener;

/**
 * Counters of what runs did, per job: {@code successpilot.accounts.evaluated} and
 * {@code successpilot.new.tasks} (Prometheus:
 * {@code successpilot_accounts_evaluated_total} and {@code successpilot_new_tasks_total};
 * not "tasks.created", because Prometheus reserves the suffix {@code _created}). How long
 * runs take is Spring Batch's own {@code spring.batch.job} timer, per job and status.
 */
@Component
class JudgementMetrics implements JudgementListener {

	private final MeterRegistry registry;

	JudgementMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void judgementEnded(JudgementCounts counts) {
		counter("successpilot.accounts.evaluated", "Accounts judged by the rules", counts.jobName())
			.increment(counts.accountsJudged());
		counter("successpilot.new.tasks", "Tasks created by the rules (refreshed ones do not count)", counts.jobName())
			.increment(counts.tasksCreated());
	}

	private Counter counter(String name, String description, String job) {
		return Counter.builder(name).description(description).tag("job", job).register(this.registry);
	}

}
