package com.successpilot.run;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.portfolio.PortfolioSummary;
import com.successpilot.run.internal.ProgressPrinter;
import com.successpilot.security.Credentials;
import com.successpilot.security.DemoUsers;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code demo}: the newcomer's run. Generates the demo portfolio into the inbox and runs
 * the nightly job on it, then prints what a run does.
 */
@Component
class DemoCommand extends Command {

	private final ImportDefinition importDefinition;

	private final RunLauncher launcher;

	private final RunSummary summary;

	private final DemoUsers demoUsers;

	private final RunProgress progress;

	private final Clock clock;

	private final DemoSource demoSource;

	DemoCommand(ImportDefinition importDefinition, RunLauncher launcher, RunSummary summary, DemoUsers demoUsers,
			RunProgress progress, Clock clock, DemoSource demoSource) {
		super("demo",
				"[--accounts=200] [--date=YYYY-MM-DD] [--seed=42] [--source=files|postgres] [--source-url=JDBC-URL] "
						+ "[--source-user=NAME]",
				"generate the demo portfolio into the inbox and run the nightly job on it; --source=postgres: load "
						+ "it into a PostgreSQL schema first (--source-url, default " + DemoSource.DEFAULT_URL
						+ ", --source-user, default postgres, the password from PGPASSWORD) "
						+ "and pull every feed from there (docs/sources.md)");
		this.importDefinition = importDefinition;
		this.launcher = launcher;
		this.summary = summary;
		this.demoUsers = demoUsers;
		this.progress = progress;
		this.clock = clock;
		this.demoSource = demoSource;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		LocalDate date = arguments.date("date", LocalDate.now(this.clock));
		int accounts = arguments.number("accounts", 200);
		DemoSource.of(arguments);
		if (accounts < 1) {
			throw new IllegalArgumentException("--accounts must be at least 1");
		}
		PortfolioSummary portfolio = DemoPortfolio.generate(this.importDefinition.inbox(), accounts, date,
				arguments.number("seed", 42));
		out.printf("Demo portfolio: %d accounts, %,d feed rows written to %s%n", portfolio.accounts(),
				portfolio.totalRows(), this.importDefinition.inbox());
		portfolio.accountsPerArchetype()
			.forEach((archetype, count) -> out.printf("  %-20s %5d  %s%n", archetype.label(), count,
					archetype.signals()));
		if (DemoSource.POSTGRES.equals(DemoSource.of(arguments))) {
			JobExecution pulled = this.demoSource.pullFromPostgres(arguments, this.importDefinition, date, out);
			if (pulled.getStatus() != BatchStatus.COMPLETED) {
				this.summary.print(pulled, out);
				return 1;
			}
		}
		out.println("\nRunning nightlyJob for " + date + " …");
		JobExecution execution;
		try (ProgressPrinter printer = new ProgressPrinter(this.progress, out, RunCommand.PROGRESS_EVERY)) {
			execution = this.launcher.run("nightlyJob", date, false);
		}
		this.summary.print(execution, out);
		printDemoUsers(out);
		out.println(
				"""

						Where to look next:
						  feed files, now archived ........ %s
						  the rules that judged them ...... rules/ (manual: rules/README.md; check a change: validate, test-rules)
						  the job definition .............. batch-jobs/nightly-job.yml (format: batch-jobs/README.md)
						  the mails CSMs would get ........ var/outbox-mail/<csm email>/*.eml (open them in a mail client)
						  the database (embedded H2) ...... var/db/successpilot.mv.db (tables tasks, health_scores, import_files)
						  the server and its API .......... ./mvnw spring-boot:run -Dspring-boot.run.arguments=serve, then
						                                    curl -u demo-ops:<password> http://localhost:8080/api/accounts
						"""
					.formatted(this.importDefinition.archive()));
		return (execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
	}

	private void printDemoUsers(PrintStream out) {
		out.println("\nDemo users for the server (new passwords on every demo run):");
		for (Credentials user : this.demoUsers.createOrReset()) {
			out.printf("  %-5s  %-40s  %s%n", user.role(), user.username(), user.password());
		}
	}

}
