package com.successpilot.run;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.portfolio.PortfolioSummary;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code benchmark}: generates N demo accounts into the configured database's inbox, runs
 * the nightly job and prints per-step time, items/s and peak heap. Point it at MySQL or
 * MariaDB with the {@code mysql} profile to measure what production would see.
 */
@Component
class BenchmarkCommand implements Command {

	private final ImportDefinition importDefinition;

	private final RunLauncher launcher;

	BenchmarkCommand(ImportDefinition importDefinition, RunLauncher launcher) {
		this.importDefinition = importDefinition;
		this.launcher = launcher;
	}

	@Override
	public String name() {
		return "benchmark";
	}

	@Override
	public String usage() {
		return "benchmark [--accounts=100000] [--job=nightlyJob|importJob] [--date=YYYY-MM-DD]  generate N accounts, "
				+ "run the job, print per-step time, rate and peak heap";
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		int accounts = arguments.number("accounts", 100_000);
		LocalDate date = arguments.date("date", LocalDate.now());
		String job = arguments.text("job", "nightlyJob");
		long started = System.nanoTime();
		PortfolioSummary portfolio = DemoPortfolio.generate(this.importDefinition.inbox(), accounts, date, 42);
		out.printf("Generated %,d accounts (%,d usage rows, %,d feed rows) in %.1f s%n", portfolio.accounts(),
				portfolio.rows("usage"), portfolio.totalRows(), seconds(System.nanoTime() - started));
		resetPeakHeap();
		JobExecution execution = this.launcher.run(job, date, true);
		out.printf("%n%s %s in %.1f s, peak heap %,d MiB (max %,d MiB)%n", job, execution.getStatus(),
				seconds(Duration.between(execution.getStartTime(), execution.getEndTime()).toNanos()), peakHeap() >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
		out.println("step                              seconds      items     items/s");
		List<StepExecution> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList();
		for (StepExecution step : steps) {
			double took = seconds(Duration.between(step.getStartTime(), step.getEndTime()).toNanos());
			long items = Math.max(step.getReadCount(), step.getWriteCount());
			out.printf("  %-30s %8.1f %10d %11.0f%n", step.getStepName(), took, items, (took > 0) ? items / took : 0);
		}
		return 0;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void resetPeakHeap() {
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
