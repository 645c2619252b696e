package com.successpilot.system;

import java.io.PrintStream;

/**
 * One command of the SuccessPilot command line, e.g. {@code demo} or {@code validate}.
 * Implementations are Spring beans; the dispatcher picks the one whose {@link #name()}
 * matches the first non-option argument.
 */
public interface Command {

	/**
	 * The word typed on the command line.
	 */
	String name();

	/**
	 * One line for the help screen: options and what the command does.
	 */
	String usage();

	/**
	 * Runs the command, printing what a person needs to read to {@code out}.
	 * @return the process exit code: 0 for success
	 */
	int run(CommandArguments arguments, PrintStream out) throws Exception;

}
