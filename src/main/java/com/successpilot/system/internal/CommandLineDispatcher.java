package com.successpilot.system.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;
import com.successpilot.system.NearestName;

/**
 * Runs the command named by the first plain argument and remembers its exit code for the
 * process. Errors a person can fix (an option the command does not take, a bad option
 * value, a run already going) print as one clear line, not a stack trace.
 */
@Component
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

	private static final Set<String> SPRING_SWITCHES = Set.of("debug", "trace");

	private final List<Command> commands;

	private final PrintStream out;

	private int exitCode;

	@org.springframework.beans.factory.annotation.Autowired
	CommandLineDispatcher(List<Command> commands) {
		this(commands, System.out);
	}

	CommandLineDispatcher(List<Command> commands, PrintStream out) {
		this.commands = commands.stream().sorted(Comparator.comparing(Command::name)).toList();
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		List<String> plain = arguments.getNonOptionArgs();
		if (plain.isEmpty()) {
			if (arguments.getSourceArgs().length > 0) {
				printHelp();
			}
			return;
		}
		String name = plain.get(0);
		Command command = this.commands.stream().filter((c) -> c.name().equals(name)).findFirst().orElse(null);
		if (command == null) {
			if (!name.equals("help")) {
				this.out.println("Unknown command '" + name + "'.");
				this.exitCode = 2;
			}
			printHelp();
			return;
		}
		String unknown = unknownOption(command, arguments);
		if (unknown != null) {
			this.out.println(name + ": unknown option --" + unknown + NearestName.suggestion("--" + unknown,
					command.options().stream().map((option) -> "--" + option).toList()));
			this.out.println("Usage: " + command.usage());
			this.exitCode = 2;
			return;
		}
		try {
			this.exitCode = command.run(new CommandArguments(arguments), this.out);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			this.out.println(name + ": " + ex.getMessage());
			this.exitCode = 2;
		}
		catch (Exception ex) {
			this.out.println(name + " failed: " + ex);
			ex.printStackTrace(this.out);
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * The first option the command does not take, or {@code null}. Spring settings
	 * ({@code --spring.profiles.active=mysql}, {@code --server.port=8081}, Boot's own
	 * {@code --debug} and {@code --trace}) go to every command.
	 */
	private static String unknownOption(Command command, ApplicationArguments arguments) {
		Set<String> options = command.options();
		return arguments.getOptionNames()
			.stream()
			.sorted()
			.filter((option) -> !option.contains(".") && !SPRING_SWITCHES.contains(option))
			.filter((option) -> !options.contains(option))
			.findFirst()
			.orElse(null);
	}

	private void printHelp() {
		this.out.println("SuccessPilot commands:");
		this.commands.forEach((command) -> this.out.println("  " + command.usage()));
	}

}
