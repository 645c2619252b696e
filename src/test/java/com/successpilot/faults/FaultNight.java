package com.successpilot.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.successpilot.ChildJvm;
import com.successpilot.TestDatabase;
import com.successpilot.portfolio.DemoPortfolio;

/**
 * One installation a fault test runs the nightly job in: a working directory of its own
 * with the demo portfolio in its inbox, and a database both the child JVMs and the test
 * reach — on H2 the installation's own file database (which only one process may open at
 * a time: the test opens it only while no child runs), on MariaDB a database created for
 * it.
 */
final class FaultNight {

	static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	/** Accounts in the portfolio: enough for every step to last long enough to be hit. */
	static final int ACCOUNTS = Integer.getInteger("successpilot.faults.accounts", 1000);

	static final long PORTFOLIO_SEED = 42;

	final Path workDir;

	final String url;

	private final String databaseUrlForChild;

	private FaultNight(Path workDir, String url, String databaseUrlForChild) {
		this.workDir = workDir;
		this.url = url;
		this.databaseUrlForChild = databaseUrlForChild;
	}

	/**
	 * A new installation with the portfolio in its inbox.
	 */
	static FaultNight create(String name) {
		Path workDir = ChildJvm.workingDirectory("faults-" + name);
		try {
			DemoPortfolio.generate(workDir.resolve("var/inbox"), ACCOUNTS, NIGHT, PORTFOLIO_SEED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (TestDatabase.isMariaDb()) {
			String url = TestDatabase.newDatabaseUrl();
			return new FaultNight(workDir, url, url);
		}
		// the URL of the shipped default (./var/db/successpilot), seen from the test
		return new FaultNight(workDir, "jdbc:h2:file:" + workDir.resolve("var/db/successpilot") + ";MODE=MySQL", null);
	}

	/**
	 * The same installation reaching its database through another address (a proxy).
	 */
	FaultNight through(String databaseUrl) {
		return new FaultNight(this.workDir, this.url, databaseUrl);
	}

	/**
	 * The command line of a child: the command, then the database and SMTP server, and
	 * the log line that says when each step starts.
	 */
	List<String> command(int smtpPort, String... command) {
		List<String> arguments = new ArrayList<>(List.of(command));
		arguments.add("--spring.mail.host=127.0.0.1");
		arguments.add("--spring.mail.port=" + smtpPort);
		arguments.add("--spring.mail.properties.mail.smtp.connectiontimeout=5000");
		arguments.add("--spring.mail.properties.mail.smtp.timeout=5000");
		arguments.add("--logging.level.org.springframework.batch.core.step.AbstractStep=info");
		if (this.databaseUrlForChild != null) {
			arguments.add("--spring.datasource.url=" + this.databaseUrlForChild);
			arguments.add("--spring.datasource.username=" + TestDatabase.user());
			arguments.add("--spring.datasource.password=" + TestDatabase.password());
		}
		return arguments;
	}

	ChildJvm start(int smtpPort, String... command) {
		return ChildJvm.start(this.workDir, command(smtpPort, command));
	}

	ChildJvm.Result run(int smtpPort, String... command) {
		try (ChildJvm child = start(smtpPort, command)) {
			return new ChildJvm.Result(child.waitFor(Duration.ofMinutes(4)), child.output());
		}
	}

	Connection connect() {
		try {
			return DriverManager.getConnection(this.url, TestDatabase.user(), TestDatabase.password());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	NightExport export() {
		return NightExport.read(this.url, TestDatabase.user(), TestDatabase.password());
	}

}
