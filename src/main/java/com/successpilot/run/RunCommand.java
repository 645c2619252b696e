package com.successpilot.run;

import java.io.PrintStream;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code run [job] [--date=YYYY-MM-DD] [--fresh]}: runs a job (the nightly job unless
 * named) for a business date and prints its summary.
 */
@Component
class RunCommand implements Command {

	private final RunLauncher launcher;

	private final RunSummary summary;

	RunCommand(RunLauncher launcher, RunSummary summary) {
		this.launcher = launcher;
		this.summary = summary;
	}

	@Override
	public String name() {
		return "run";
	}

	@Override
	public String usage() {
		return "run [nightlyJob|importJob] [--date=YYYY-MM-DD] [--fresh] [--recover]  run a job for a business date "
				+ "(default today); after a failure the same command continues where it stopped, --fresh starts over, "
				+ "--recover takes over a run whose process died";
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		return run(arguments.operands().isEmpty() ? "nightlyJob" : arguments.operands().get(0), arguments, out);
	}

	/**
	 * Runs the job for {@code --date} (default today), continuing a failed run unless
	 * {@code --fresh}, and prints the summary.
	 * @return 0 when the run completed
	 */
	int run(String job, CommandArguments arguments, PrintStream out) throws Exception {
		LocalDate date = arguments.date("date", LocalDate.now());
		JobExecution execution = this.launcher.run(job, date, arguments.has("fresh"), arguments.has("recover"));
		this.summary.print(execution, out);
		return (execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
	}

}
