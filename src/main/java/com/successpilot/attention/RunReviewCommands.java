package com.successpilot.attention;

import java.io.PrintStream;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.successpilot.run.RunLauncher;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code review}: the runs the surge guard held for review, and releasing or discarding
 * one — by the execution id the run summary and the runs API show.
 */
@Configuration(proxyBeanMethods = false)
class RunReviewCommands {

	@Bean
	Command reviewCommand(RunReviews reviews, RunLauncher launcher) {
		return Command.of("review", "[release EXECUTION | discard EXECUTION --reason=TEXT]",
				"list the runs held for review (a surge of new tasks), or release one (its mails go out) or discard "
						+ "it (no mail, its new tasks closed)",
				(arguments, out) -> {
					List<String> operands = arguments.operands();
					if (operands.isEmpty()) {
						return list(reviews, out);
					}
					if (operands.size() != 2 || !List.of("release", "discard").contains(operands.get(0))) {
						out.println(
								"Usage: review | review release EXECUTION | review discard EXECUTION --reason=TEXT");
						return 2;
					}
					long run = run(launcher, operands.get(1));
					String by = "os:" + System.getProperty("user.name", "unknown");
					RunReviews.Decided decided = operands.get(0).equals("release") ? reviews.release(run, by)
							: reviews.discard(run, by, reasonOf(arguments));
					out.println(decided.review().summary() + ".");
					out.println(operands.get(0).equals("release")
							? decided.mails() + " mails released, " + decided.mailsSent() + " sent now."
							: decided.mails() + " mails discarded, " + decided.tasksClosed() + " tasks closed.");
					return 0;
				});
	}

	private static int list(RunReviews reviews, PrintStream out) {
		List<RunReviews.Review> held = reviews.awaitingDecision();
		if (held.isEmpty()) {
			out.println("No run is held for review.");
			return 0;
		}
		out.println("Held for review (release or discard by execution id):");
		held.forEach((review) -> out.printf("  execution %d: %s%n", review.execution(), review.summary()));
		return 0;
	}

	private static long run(RunLauncher launcher, String execution) {
		long id;
		try {
			id = Long.parseLong(execution);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"EXECUTION is the execution id the run summary shows, not '" + execution + "'");
		}
		return launcher.execution(id)
			.orElseThrow(() -> new IllegalArgumentException("There is no run with execution id " + id))
			.getJobInstance()
			.getInstanceId();
	}

	private static String reasonOf(CommandArguments arguments) {
		return arguments.text("reason", "");
	}

}
