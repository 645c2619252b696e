package com.successpilot.run;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * How far a step has got: items done (accounts judged, rows read, mails sent), how many
 * there are when that is known, the rate so far and the time left at that rate.
 *
 * @param step the step's name
 * @param status the step's status (STARTED while it runs)
 * @param items items done so far
 * @param total items the step has to do, or {@code null} when not known in advance
 * @param itemsPerSecond the rate since the step started
 * @param eta the time left at that rate, or {@code null} without a total
 * @param elapsed the time since the step started (until it ended, once it has)
 * @param partitions how many partitions the step is split into (0 when it is not)
 * @param partitionsDone how many of them have ended
 */
public record StepProgress(String step, String status, long items, Long total, double itemsPerSecond, Duration eta,
		Duration elapsed, int partitions, int partitionsDone) {

	/**
	 * The same progress with another status (e.g. the exit code a step ended with).
	 */
	public StepProgress withStatus(String newStatus) {
		return new StepProgress(this.step, newStatus, this.items, this.total, this.itemsPerSecond, this.eta,
				this.elapsed, this.partitions, this.partitionsDone);
	}

	public boolean running() {
		return "STARTED".equals(this.status) || "STARTING".equals(this.status) || "STOPPING".equals(this.status);
	}

	/**
	 * Percent done, or {@code null} without a total.
	 */
	public Double percent() {
		if (this.total == null) {
			return null;
		}
		return (this.total == 0) ? 100.0 : Math.min(100.0, Math.round(this.items * 1000.0 / this.total) / 10.0);
	}

	static StepProgress of(String step, String status, long items, Long total, LocalDateTime start, LocalDateTime end,
			int partitions, int partitionsDone) {
		// a running step's time so far is measured against Spring Batch's start time,
		// which Batch takes from the system clock, so "now" is the system clock's too
		Duration elapsed = (start != null) ? Duration.between(start, (end != null) ? end : LocalDateTime.now())
				: Duration.ZERO;
		double seconds = elapsed.toMillis() / 1000.0;
		double rate = (seconds > 0) ? items / seconds : 0;
		Duration eta = null;
		if (total != null && end == null && rate > 0) {
			eta = Duration.ofSeconds(Math.round(Math.max(0, total - items) / rate));
		}
		else if (total != null && end != null) {
			eta = Duration.ZERO;
		}
		return new StepProgress(step, status, items, total, Math.round(rate * 10) / 10.0, eta, elapsed, partitions,
				partitionsDone);
	}

}
