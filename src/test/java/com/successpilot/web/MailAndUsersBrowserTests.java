package com.successpilot.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail outbox (CS ops) and the users page (administrators) in a real browser on the
 * demo portfolio: a refused mail to the Japanese CSM shows with its reason and is sent
 * again on request; an administrator creates a user, hands over the password shown once,
 * gives them a new one and disables them. Acts on rows of its own only.
 */
@BrowserTest
class MailAndUsersBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts users;

	DemoNights demo;

	@BeforeEach
	void demoNights() {
		this.demo = DemoNights.of(this.context);
	}

	@Test
	void csOpsSeeARefusedMailWithItsReasonAndSendItAgain() {
		long mail = this.jdbc.queryForObject("SELECT MIN(id) FROM mail_outbox WHERE csm_id = ? AND status = 'SENT'",
				Long.class, this.demo.japaneseCsm().id());
		this.jdbc.update("UPDATE mail_outbox SET status = 'FAILED', sent_at = NULL, last_error = ? WHERE id = ?",
				"550 5.1.1 mailbox unavailable", mail);
		try (Browser ops = Browser.open(this.port, "en").signIn(this.demo.ops())) {
			ops.go("/mail");
			assertThat(ops.find("a.card[data-status=FAILED] .figure").getText()).isNotEqualTo("0");
			assertThat(ops.find("tr[data-mail='" + mail + "'] td.reason").getText())
				.isEqualTo("550 5.1.1 mailbox unavailable");
			ops.screenshot("mail");

			ops.select("#status", "sent").click("form.filters button[type=submit]");
			assertThat(ops.path()).contains("status=SENT");
			assertThat(ops.all("tr[data-mail] td[data-label=state]")).isNotEmpty();
			assertThat(ops.texts("tr[data-mail] td[data-label=state]")).containsOnly("sent");

			ops.go("/mail?status=FAILED").click("#resend-" + mail);
			assertThat(ops.find(".notice").getText())
				.isEqualTo("Mail #" + mail + " sent again to " + this.demo.japaneseCsm().email() + ".");
			assertThat(this.jdbc.queryForObject("SELECT status FROM mail_outbox WHERE id = ?", String.class, mail))
				.isEqualTo("SENT");
		}
	}

	@Test
	void anAdministratorCreatesAUserResetsTheirPasswordAndDisablesThem() {
		try (Browser admin = Browser.open(this.port, "en").signIn(this.demo.admin())) {
			admin.go("/users");
			admin.type("#new-username", "browser-ops-new")
				.type("#new-display-name", "新しい 運用担当")
				.select("#new-role", "CS operations")
				.click("#create-user button[type=submit]");
			assertThat(admin.path()).isEqualTo("/users/browser-ops-new");
			String first = admin.find("#one-time-password").getText();
			assertThat(first).hasSizeGreaterThanOrEqualTo(12);
			admin.screenshot("user-created");

			admin.click("#reset-password");
			String second = admin.find("#one-time-password").getText();
			assertThat(second).isNotEqualTo(first);
			admin.go("/users/browser-ops-new");
			assertThat(admin.all("#one-time-password")).as("shown once").isEmpty();

			admin.click("#toggle-enabled");
			assertThat(admin.find("#user-state").getText()).isEqualTo("disabled");
			assertThat(this.users.find("browser-ops-new").orElseThrow().enabled()).isFalse();

			admin.go("/users");
			assertThat(admin.find("tr[data-user='browser-ops-new']").getText()).contains("新しい 運用担当")
				.contains("CS operations")
				.contains("disabled");
			admin.screenshot("users");
		}
	}

}
