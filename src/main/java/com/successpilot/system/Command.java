package com.successpilot.system;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command of the SuccessPilot command line, e.g. {@code demo} or {@code validate}. A
 * command describes itself once, when it is made: the word typed, its synopsis (the
 * operands and options as the help screen shows them) and what it does. The options the
 * synopsis names are the ones it takes: the dispatcher refuses any other, with the usage.
 * <p>
 * Commands are Spring beans: a class extending this one, or a bean method returning
 * {@link #of} with a lambda. The dispatcher picks the one whose {@link #name()} matches
 * the first non-option argument.
 */
public abstract class Command {

	private static final Pattern OPTION = Pattern.compile("--([a-z][a-z0-9.-]*)");

	private final String name;

	private final String usage;

	private final Set<String> options;

	/**
	 * @param name the word typed on the command line, e.g. {@code run}
	 * @param synopsis its operands and options, e.g.
	 * {@code [--date=YYYY-MM-DD] [--fresh]}; every {@code --option} named here is one the
	 * command takes, and only those
	 * @param description what it does, for the help screen
	 */
	protected Command(String name, String synopsis, String description) {
		this.name = name;
		this.usage = name + (synopsis.isEmpty() ? "" : " " + synopsis) + "  " + description;
		this.options = optionsNamedIn(synopsis);
	}

	/**
	 * A command that does {@code action}, for a bean method.
	 */
	public static Command of(String name, String synopsis, String description, Action action) {
		return new Command(name, synopsis, description) {

			@Override
			public int run(CommandArguments arguments, PrintStream out) throws Exception {
				return action.run(arguments, out);
			}

		};
	}

	/**
	 * The word typed on the command line.
	 */
	public String name() {
		return this.name;
	}

	/**
	 * One line for the help screen: name, operands and options, and what it does.
	 */
	public String usage() {
		return this.usage;
	}

	/**
	 * The names of the options the synopsis names, without their {@code --}.
	 */
	public Set<String> options() {
		return this.options;
	}

	/**
	 * Runs the command, printing what a person needs to read to {@code out}.
	 * @return the process exit code: 0 for success
	 */
	public abstract int run(CommandArguments arguments, PrintStream out) throws Exception;

	private static Set<String> optionsNamedIn(String synopsis) {
		Set<String> options = new TreeSet<>();
		Matcher option = OPTION.matcher(synopsis);
		while (option.find()) {
			options.add(option.group(1));
		}
		return Collections.unmodifiableSet(options);
	}

	/**
	 * What a command made with {@link #of} does.
	 */
	@FunctionalInterface
	public interface Action {

		/**
		 * @return the process exit code: 0 for success
		 */
		int run(CommandArguments arguments, PrintStream out) throws Exception;

	}

}
