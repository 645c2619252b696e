package com.successpilot.system.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * Runs the command named by the first plain argument and remembers its exit code for the
 * process. Errors a person can fix (a bad option, a run already going) print as one clear
 * line, not a stack trace.
 */
@Component
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

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

	private void printHelp() {
		this.out.println("SuccessPilot commands:");
		this.commands.forEach((command) -> this.out.println("  " + command.usage()));
	}

}
