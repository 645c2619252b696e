package com.successpilot.run;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code import [--date=YYYY-MM-DD] [--fresh]}: only the nightly job's import steps, as
 * {@code run importJob} does.
 */
@Component
class ImportCommand implements Command {

	private final RunCommand runCommand;

	ImportCommand(RunCommand runCommand) {
		this.runCommand = runCommand;
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
		return this.runCommand.run("importJob", arguments, out);
	}

}
