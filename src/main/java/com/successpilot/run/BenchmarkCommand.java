package com.successpilot.run;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.ImportDefinition;
import com.successpilot.judgement.JudgementSteps;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.portfolio.PortfolioSummary;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code benchmark}: generates N demo accounts into the inbox, runs a job on the
 * configured database and prints per-step time, items/s and peak heap. For the nightly
 * job it then measures the floor: the same facts read and the same outcomes written
 * again, with rule evaluation replaced by a replay — the gap is what the rules cost. Use
 * a database you can throw away.
 */
@Component
class BenchmarkCommand implements Command {

	private final ImportDefinition importDefinition;

	private final RunLauncher launcher;

	private final JudgementSteps judgementSteps;

	private final JobRepository jobRepository;

	private final JdbcTemplate jdbc;

	BenchmarkCommand(ImportDefinition importDefinition, RunLauncher launcher, JudgementSteps judgementSteps,
			JobRepository jobRepository, JdbcTemplate jdbc) {
		this.importDefinition = importDefinition;
		this.launcher = launcher;
		this.judgementSteps = judgementSteps;
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "benchmark";
	}

	@Override
	public String usage() {
		return "benchmark [--accounts=100000] [--job=nightlyJob|importJob] [--date=YYYY-MM-DD] [--no-floor]  generate "
				+ "N accounts, run the job, print per-step time, rate and peak heap (use a throw-away database)";
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		int accounts = arguments.number("accounts", 100_000);
		LocalDate date = arguments.date("date", LocalDate.now());
		String job = arguments.text("job", "nightlyJob");
		long started = System.nanoTime();
		PortfolioSummary portfolio = DemoPortfolio.generate(this.importDefinition.inbox(), accounts, date, 42);
		out.printf("Generated %,d accounts (%,d usage rows, %,d feed rows) in %.1f s%n", portfolio.accounts(),
				portfolio.rows("usage"), portfolio.totalRows(), (System.nanoTime() - started) / 1e9);
		boolean floor = job.equals("nightlyJob") && !arguments.has("no-floor");
		if (floor) {
			this.judgementSteps.replay().startRecording();
		}
		resetPeakHeap();
		JobExecution execution = this.launcher.run(job, date, true);
		long peak = peakHeap();
		this.judgementSteps.replay().stopRecording();
		report(job, execution, peak, out);
		if (floor) {
			long run = execution.getJobInstance().getInstanceId();
			this.jdbc.update("DELETE FROM tasks WHERE created_run = ?", run);
			this.jdbc.update("DELETE FROM health_scores WHERE run_id = ?", run);
			Job floorJob = new JobBuilder("benchmarkFloorJob", this.jobRepository)
				.start(this.judgementSteps.floorStep("accountJudgementFloorStep"))
				.build();
			resetPeakHeap();
			JobExecution floorExecution = this.launcher.run(floorJob, date, true);
			out.println("\nFloor: the same accounts read and the same outcomes written, no rule evaluation");
			report("benchmarkFloorJob", floorExecution, peakHeap(), out);
		}
		return 0;
	}

	private static void report(String job, JobExecution execution, long peakHeap, PrintStream out) {
		out.printf("%n%s %s in %.1f s, peak heap %,d MiB (max %,d MiB)%n", job, execution.getStatus(),
				Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0, peakHeap >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
		out.println("  step                              seconds      items     items/s");
		execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).forEach((step) -> {
			double took = Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
			long items = Math.max(step.getReadCount(), step.getWriteCount());
			out.printf("  %-32s %8.1f %10d %11.0f%n", step.getStepName(), took, items, (took > 0) ? items / took : 0);
		});
	}

	private static void resetPeakHeap() {
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/**
	 * The sum of the heap pools' peaks: an upper bound of the peak heap in use.
	 */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
