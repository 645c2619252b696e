package com.successpilot.benchmark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Comparator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Measures one benchmarked job from {@link #start()}: per-step time and rate, peak heap,
 * the CPU time this process used and the machine's load, which says how far other work on
 * the machine inflated the times.
 */
final class BenchmarkReport {

	/** Issue 3's target for metrics + rules + task writing of 100,000 accounts. */
	static final double TARGET_SECONDS = 60;

	/** The number of accounts the time target is set for. */
	static final long TARGET_ACCOUNTS = 100_000;

	/** Issue 3's heap limit. */
	static final long TARGET_HEAP_MIB = 1024;

	private final long cpuAtStart = processCpuNanos();

	private final double loadAtStart = load();

	private final long compilingAtStart = compilingMillis();

	private BenchmarkReport() {
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static BenchmarkReport start() {
		return new BenchmarkReport();
	}

	/**
	 * Seconds of CPU this process used since the start: on a shared machine a figure
	 * other work barely changes, unlike the wall clock.
	 */
	double cpuSeconds() {
		return (processCpuNanos() - this.cpuAtStart) / 1e9;
	}

	/**
	 * The load average at the start.
	 */
	double loadAtStart() {
		return this.loadAtStart;
	}

	void print(String job, JobExecution execution, PrintStream out) {
		out.printf(
				"%n%s %s in %.1f s, peak heap %,d MiB (max %,d MiB); this process used %.1f s of CPU "
						+ "(its JIT compilers %.1f s); load average %.1f at the start, %.1f at the end%n",
				job, execution.getStatus(), seconds(execution.getStartTime(), execution.getEndTime()), peakHeapMib(),
				Runtime.getRuntime().maxMemory() >> 20, (processCpuNanos() - this.cpuAtStart) / 1e9,
				(compilingMillis() - this.compilingAtStart) / 1000.0, this.loadAtStart, load());
		out.println("  step                              seconds      items     items/s");
		execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).forEach((step) -> {
			double took = seconds(step.getStartTime(), step.getEndTime());
			long items = Math.max(step.getReadCount(), step.getWriteCount());
			out.printf("  %-32s %8.1f %10d %11.0f%n", step.getStepName(), took, items, (took > 0) ? items / took : 0);
		});
	}

	/**
	 * The target's figure: metrics + judgement seconds against 60 s for 100,000 accounts
	 * (other sizes are compared by rate), peak heap against 1 GiB.
	 */
	void printTarget(JobExecution execution, PrintStream out) {
		double metrics = stepSeconds(execution, "accountMetricsStep");
		double judgement = stepSeconds(execution, "accountJudgementStep");
		double attention = stepSeconds(execution, "attentionStep");
		double total = metrics + judgement + attention;
		long accounts = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("accountJudgementStep"))
			.mapToLong(StepExecution::getReadCount)
			.sum();
		long heap = peakHeapMib();
		String steps = String.format("(accountMetricsStep %.1f s + accountJudgementStep %.1f s + attentionStep %.1f s)",
				metrics, judgement, attention);
		if (accounts == TARGET_ACCOUNTS) {
			out.printf("%nTarget: metrics + rules + task writing %.1f s %s against <= %.0f s: %s%n", total, steps,
					TARGET_SECONDS, (total <= TARGET_SECONDS) ? "MET" : "NOT MET");
		}
		else {
			double rate = (total > 0) ? accounts / total : 0;
			double targetRate = TARGET_ACCOUNTS / TARGET_SECONDS;
			out.printf(
					"%nTarget: metrics + rules + task writing %.1f s %s for %,d accounts: %,.0f accounts/s; "
							+ "the <= %.0f s target is set for %,d accounts (%,.0f accounts/s): %s%n",
					total, steps, accounts, rate, TARGET_SECONDS, TARGET_ACCOUNTS, targetRate,
					(rate >= targetRate) ? "rate met" : "rate not met");
		}
		out.printf("        peak heap %,d MiB against <= %,d MiB: %s%n", heap, TARGET_HEAP_MIB,
				(heap <= TARGET_HEAP_MIB) ? "MET" : "NOT MET");
	}

	private static double stepSeconds(JobExecution execution, String stepName) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(stepName))
			.mapToDouble((step) -> seconds(step.getStartTime(), step.getEndTime()))
			.sum();
	}

	private static double seconds(java.time.LocalDateTime from, java.time.LocalDateTime to) {
		return (from == null || to == null) ? 0 : Duration.between(from, to).toMillis() / 1000.0;
	}

	/**
	 * The sum of the heap pools' peaks: an upper bound of the peak heap in use.
	 */
	private static long peakHeapMib() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum() >> 20;
	}

	private static long processCpuNanos() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? os.getProcessCpuTime() : 0;
	}

	/**
	 * Time the JIT compilers spent: a cold process compiles much of the rule engine
	 * during its first run.
	 */
	private static long compilingMillis() {
		var compiler = ManagementFactory.getCompilationMXBean();
		return (compiler != null && compiler.isCompilationTimeMonitoringSupported())
				? compiler.getTotalCompilationTime() : 0;
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}
