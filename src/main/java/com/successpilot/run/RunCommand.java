package com.successpilot.run;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.successpilot.run.internal.ProgressPrinter;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code run [job] [--date=YYYY-MM-DD] [--fresh] [--recover]}: runs a job (the nightly
 * job unless named) for a business date, printing each step's progress, then the summary.
 */
@Component
class RunCommand extends Command {

	/** How often a running step's progress is printed at most. */
	static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	private final RunLauncher launcher;

	private final RunSummary summary;

	private final RunProgress progress;

	private final JobSchedules schedules;

	private final Clock clock;

	RunCommand(RunLauncher launcher, RunSummary summary, RunProgress progress, JobSchedules schedules, Clock clock) {
		super("run", "[" + String.join("|", launcher.jobNames()) + "] [--date=YYYY-MM-DD] [--fresh] [--recover]",
				"run a job (default nightlyJob) for a business date (default today), printing progress; after a "
						+ "failure the same command continues where it stopped, --fresh starts over, --recover "
						+ "takes over a run whose process died");
		this.launcher = launcher;
		this.schedules = schedules;
		this.summary = summary;
		this.progress = progress;
		this.clock = clock;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		return run(arguments.operands().isEmpty() ? "nightlyJob" : arguments.operands().get(0), arguments, out);
	}

	/**
	 * Runs the job for {@code --date} (default today in the job's schedule zone),
	 * continuing a failed run unless {@code --fresh}, and prints the summary.
	 * @return 0 when the run completed
	 */
	int run(String job, CommandArguments arguments, PrintStream out) throws Exception {
		LocalDate date = arguments.date("date", this.schedules.today(job, this.clock.instant()));
		JobExecution execution;
		try (ProgressPrinter printer = new ProgressPrinter(this.progress, out, PROGRESS_EVERY)) {
			out.println("Running " + job + " for " + date + " …");
			execution = this.launcher.run(job, date, arguments.has("fresh"), arguments.has("recover"));
		}
		this.summary.print(execution, out);
		return (execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
	}

}
