package com.successpilot.system.internal;

import java.io.PrintStream;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.successpilot.SuccessPilotApplication;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code serve}: the long-lived server. {@code main} sees the word and starts the web
 * server before the commands run; this only says where it is listening.
 */
@Component
class ServeCommand extends Command {

	private final Environment environment;

	ServeCommand(Environment environment) {
		super("serve", "[--server.port=8080]",
				"run as a server: REST API, scheduled runs, operations endpoints (stop with Ctrl-C)");
		this.environment = environment;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) {
		if (!this.environment.getProperty(SuccessPilotApplication.SERVING, Boolean.class, false)) {
			throw new IllegalStateException("serve must be the first word on the command line");
		}
		String port = this.environment.getProperty("local.server.port", "?");
		out.println("SuccessPilot is serving on http://localhost:" + port + "/ (API under /api, health at "
				+ "/actuator/health). Stop with Ctrl-C.");
		return 0;
	}

}
