package com.successpilot.run;

import java.io.PrintStream;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code import [--date=YYYY-MM-DD]}: only the nightly job's import steps.
 */
@Component
class ImportCommand implements Command {

	private final RunLauncher launcher;

	private final RunSummary summary;

	ImportCommand(RunLauncher launcher, RunSummary summary) {
		this.launcher = launcher;
		this.summary = summary;
	}

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String usage() {
		return "import [--date=YYYY-MM-DD] [--fresh]  import the feeds in the inbox without judging accounts";
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		JobExecution execution = this.launcher.run("importJob", arguments.date("date", LocalDate.now()),
				arguments.has("fresh"));
		this.summary.print(execution, out);
		return (execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
	}

}
