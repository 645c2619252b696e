package com.successpilot.security;

import java.io.PrintStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * The commands that give people access: {@code create-user} (the first administrator
 * included), {@code reset-password} and {@code create-token}; and the one that takes it
 * back, {@code sign-out-everywhere}.
 */
@Configuration(proxyBeanMethods = false)
class UserCommands {

	private static final String BY = "command line";

	@Bean
	Command createUserCommand(UserAccounts users) {
		return command("create-user",
				"--username=NAME --role=CSM|OPS|ADMIN [--csm-email=EMAIL] [--name=\"Display Name\"]",
				"create a user (a CSM user names the CSM whose accounts they own); prints the password once",
				(arguments, out) -> {
					String role = arguments.text("role", null);
					if (role == null) {
						throw new IllegalArgumentException("--role is required: CSM, OPS or ADMIN");
					}
					print(users.create(new NewUser(arguments.text("username", null), arguments.text("name", null),
							Role.parse(role), arguments.text("csm-email", null), null), BY), out);
				});
	}

	@Bean
	Command resetPasswordCommand(UserAccounts users) {
		return command("reset-password", "--username=NAME", "give a user a new generated password; prints it once",
				(arguments, out) -> print(users.resetPassword(required(arguments, "username"), null), out));
	}

	@Bean
	Command createTokenCommand(UserAccounts users, ApiTokens tokens) {
		return command("create-token", "--username=NAME --name=SCRIPT",
				"issue an API token acting as that user; prints it once", (arguments, out) -> {
					String username = required(arguments, "username");
					UserAccount user = users.find(username)
						.orElseThrow(() -> new IllegalArgumentException("No user named '" + username + "'"));
					ApiTokens.IssuedToken token = tokens.issue(user.id(), required(arguments, "name"));
					out.println("API token '" + token.name() + "' for " + username + " (" + user.role()
							+ "), shown only now:");
					out.println("  " + token.token());
					out.println("Use it as: curl -H 'Authorization: Bearer " + token.token()
							+ "' http://localhost:8080/api/me");
				});
	}

	@Bean
	Command signOutEverywhereCommand(UserAccounts users, ApiTokens tokens) {
		return command("sign-out-everywhere", "--username=NAME [--revoke-tokens]",
				"end every browser session of a user (and with --revoke-tokens every API token of theirs) on its "
						+ "next request",
				(arguments, out) -> {
					UserAccount user = users.signOutEverywhere(required(arguments, "username"));
					out.println("Every session of " + user.username() + " ends on its next request.");
					if (arguments.has("revoke-tokens")) {
						out.println(tokens.revokeAll(user.id()) + " API token(s) revoked.");
					}
				});
	}

	private static String required(CommandArguments arguments, String option) {
		String value = arguments.text(option, null);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + option + " is required");
		}
		return value;
	}

	private static void print(Credentials credentials, PrintStream out) {
		out.println("User " + credentials.username() + " (" + credentials.role() + "), password shown only now:");
		out.println("  " + credentials.password());
	}

	private interface Action {

		void run(CommandArguments arguments, PrintStream out);

	}

	/**
	 * A command that prints what it did and exits with 0; a person's mistake is an
	 * {@link IllegalArgumentException}.
	 */
	private static Command command(String name, String synopsis, String description, Action action) {
		return Command.of(name, synopsis, description, (arguments, out) -> {
			action.run(arguments, out);
			return 0;
		});
	}

}
