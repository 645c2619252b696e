package com.successpilot.run;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code import [--date=YYYY-MM-DD] [--fresh] [--recover]}: only the nightly job's import
 * steps, as {@code run importJob} does.
 */
@Component
class ImportCommand extends Command {

	private final RunCommand runCommand;

	ImportCommand(RunCommand runCommand) {
		super("import", "[--date=YYYY-MM-DD] [--fresh] [--recover]",
				"import the feeds in the inbox without judging accounts");
		this.runCommand = runCommand;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		return this.runCommand.run("importJob", arguments, out);
	}

}
