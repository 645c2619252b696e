package com.successpilot.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.Credentials;
import com.successpilot.security.NewUser;
import com.successpilot.security.Role;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data the browser tests look at: the demo portfolio ({@value #ACCOUNTS} accounts,
 * the same seed as {@code demo}) judged on three nights — two weeks ago, a week ago and
 * today — so pages have history (health trends, grade drops, tasks done and raised
 * again), plus users: an English-reading CSM with the most accounts, a Japanese-reading
 * CSM, OPS and ADMIN. Loaded once per application (browser test classes share one), on
 * the first use.
 * <p>
 * Tests that act (mark a task done, dismiss, reassign) pick tasks no other test looks at,
 * so the order of the test classes never matters.
 */
public final class DemoNights {

	public static final int ACCOUNTS = 150;

	public static final long SEED = 42;

	private static final Map<ApplicationContext, DemoNights> loaded = new ConcurrentHashMap<>();

	private final LocalDate today;

	private final Csm englishCsm;

	private final Csm japaneseCsm;

	private final SignIn ops;

	private final SignIn admin;

	private DemoNights(LocalDate today, Csm englishCsm, Csm japaneseCsm, SignIn ops, SignIn admin) {
		this.today = today;
		this.englishCsm = englishCsm;
		this.japaneseCsm = japaneseCsm;
		this.ops = ops;
		this.admin = admin;
	}

	public static DemoNights of(ApplicationContext context) {
		return loaded.computeIfAbsent(context, DemoNights::load);
	}

	private static DemoNights load(ApplicationContext context) {
		ImportDefinition inbox = context.getBean(ImportDefinition.class);
		RunLauncher launcher = context.getBean(RunLauncher.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		LocalDate today = LocalDate.now(context.getBean(Clock.class));
		try {
			for (LocalDate night : List.of(today.minusDays(14), today.minusDays(7), today)) {
				DemoPortfolio.generate(inbox.inbox(), ACCOUNTS, night, SEED);
				assertThat(launcher.run("nightlyJob", night, true).getStatus()).as("the demo night %s", night)
					.isEqualTo(BatchStatus.COMPLETED);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The demo nights for the browser tests did not run", ex);
		}
		UserAccounts accounts = context.getBean(UserAccounts.class);
		TestUsers users = new TestUsers(accounts, jdbc);
		return new DemoNights(today, csm(jdbc, accounts, "en"), csm(jdbc, accounts, "ja"), users.ops(), users.admin());
	}

	/**
	 * The CSM reading this language who owns the most accounts, with a user to sign in.
	 */
	private static Csm csm(JdbcTemplate jdbc, UserAccounts accounts, String language) {
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT c.id, c.email, c.name, COUNT(a.id) AS accounts"
				+ " FROM csms c JOIN accounts a ON a.csm_id = c.id WHERE c.language = ?"
				+ " GROUP BY c.id, c.email, c.name ORDER BY COUNT(a.id) DESC, c.email", language);
		assertThat(rows).as("a demo CSM reading %s who owns accounts", language).isNotEmpty();
		Map<String, Object> row = rows.get(0);
		String email = (String) row.get("email");
		String name = (String) row.get("name");
		String username = "browser-" + language + "-" + email;
		Credentials credentials = accounts.create(new NewUser(username, name, Role.CSM, email, null), "test");
		return new Csm(((Number) row.get("id")).longValue(), email, name,
				new SignIn(credentials.username(), credentials.password(), Role.CSM));
	}

	public LocalDate today() {
		return this.today;
	}

	public Csm englishCsm() {
		return this.englishCsm;
	}

	public Csm japaneseCsm() {
		return this.japaneseCsm;
	}

	public SignIn ops() {
		return this.ops;
	}

	public SignIn admin() {
		return this.admin;
	}

	/**
	 * A demo CSM and the user who signs in as them.
	 */
	public record Csm(long id, String email, String name, SignIn user) {

	}

}
