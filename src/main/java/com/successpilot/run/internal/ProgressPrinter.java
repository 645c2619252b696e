package com.successpilot.run.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;

import com.successpilot.run.RunProgress;
import com.successpilot.run.StepProgress;

/**
 * Prints a progress line per running step at most every few seconds, and one when the
 * step ends, while a command waits for a run.
 */
public final class ProgressPrinter implements AutoCloseable {

	private final RunProgress progress;

	private final PrintStream out;

	private final long everyMillis;

	private final Map<String, Long> lastPrinted = new ConcurrentHashMap<>();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "progress");
		thread.setDaemon(true);
		return thread;
	});

	private final AutoCloseable stepEnds;

	public ProgressPrinter(RunProgress progress, PrintStream out, Duration every) {
		this.progress = progress;
		this.out = out;
		this.everyMillis = every.toMillis();
		this.stepEnds = progress.onStepEnd(this::printEnd);
		this.ticker.scheduleWithFixedDelay(this::printRunning, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws Exception {
		this.ticker.shutdownNow();
		this.stepEnds.close();
	}

	private void printRunning() {
		// an interval, not a time of day: the monotonic timer
		long now = System.nanoTime() / 1_000_000;
		for (JobExecution execution : this.progress.live()) {
			for (StepProgress step : this.progress.steps(execution)) {
				String key = execution.getId() + "/" + step.step();
				long last = this.lastPrinted.getOrDefault(key, now - step.elapsed().toMillis());
				if (step.running() && now - last >= this.everyMillis) {
					this.lastPrinted.put(key, now);
					this.out.println("  " + step.step() + ": " + describe(step));
				}
			}
		}
	}

	private void printEnd(JobExecution execution, StepProgress step) {
		this.out.printf("  %s %s: %,d items in %s (%,.0f/s)%n", step.step(), step.status(), step.items(),
				format(step.elapsed()), step.itemsPerSecond());
	}

	/**
	 * "12,500 of 40,000 (31.3 %), 2,480/s, about 11 s left", or without a total "12,500
	 * items, 2,480/s"; for a partitioned step also how many partitions are done.
	 */
	public static String describe(StepProgress step) {
		StringBuilder line = new StringBuilder();
		if (step.total() != null) {
			line.append(String.format("%,d of %,d (%.1f %%)", step.items(), step.total(), step.percent()));
		}
		else {
			line.append(String.format("%,d items", step.items()));
		}
		line.append(String.format(", %,.0f/s", step.itemsPerSecond()));
		if (step.partitions() > 0) {
			line.append(String.format(", %d of %d partitions done", step.partitionsDone(), step.partitions()));
		}
		if (step.eta() != null) {
			line.append(", about ").append(format(step.eta())).append(" left");
		}
		else {
			line.append(", ").append(format(step.elapsed())).append(" so far");
		}
		return line.toString();
	}

	private static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return String.format("%.1f s", duration.toMillis() / 1000.0);
		}
		return (seconds < 3600) ? String.format("%d min %d s", seconds / 60, seconds % 60)
				: String.format("%d h %d min", seconds / 3600, (seconds / 60) % 60);
	}

}
