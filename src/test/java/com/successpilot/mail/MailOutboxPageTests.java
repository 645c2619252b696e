package com.successpilot.mail;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox page CS ops read after a night: what failed and why, what may or may not
 * have gone out, and sending such a mail again once they have decided so.
 */
@SuccessPilotTest
class MailOutboxPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	MutableClock clock;

	long failed;

	long unknown;

	long sent;

	SignIn ops;

	@BeforeEach
	void anOutboxWithMailsInEveryInterestingState() {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		long misaki = users.csm("misaki@example.com", "Misaki Ito");
		this.ops = users.ops();
		this.failed = mail(misaki, "FAILED", "550 5.1.1 <misaki@example.com>: unknown recipient");
		this.unknown = mail(misaki, "UNKNOWN", null);
		this.sent = mail(misaki, "SENT", null);
	}

	@Test
	void theOutboxCountsEachStateAndListsWhatNeedsAttentionWithTheReason() throws Exception {
		this.mvc.perform(get("/mail").session(signIn(this.ops)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("550 5.1.1"), containsString("data-mail=\"" + this.failed),
					containsString("data-mail=\"" + this.unknown),
					not(containsString("data-mail=\"" + this.sent + "\"")),
					containsString("never sent again by itself"), containsString("id=\"resend-" + this.failed))))
			.andExpect(content().string(containsString("2 mails, most recently changed first")));
		this.mvc.perform(get("/mail?status=SENT").session(signIn(this.ops)))
			.andExpect(content().string(allOf(containsString("data-mail=\"" + this.sent + "\""),
					not(containsString("id=\"resend-" + this.sent)))));
		this.mvc.perform(get("/mail?status=LOST").session(signIn(this.ops)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The state &#39;LOST&#39; is not one of")));
	}

	@Test
	void aFailedMailIsSentAgainOnRequestAndASentOneIsNot() throws Exception {
		MockHttpSession session = signIn(this.ops);
		this.mvc.perform(post("/mail/" + this.failed + "/resend").session(session).with(csrf()))
			.andExpect(redirectedUrl("/mail?status=SENT"))
			.andExpect(flash().attribute("notice", "Mail #" + this.failed + " sent again to misaki@example.com."));
		assertThat(this.jdbc.queryForObject("SELECT status FROM mail_outbox WHERE id = ?", String.class, this.failed))
			.isEqualTo("SENT");
		// the same mail, once more
		assertThat(
				this.jdbc.queryForObject("SELECT attempts FROM mail_outbox WHERE id = ?", Integer.class, this.failed))
			.isEqualTo(2);

		this.mvc.perform(post("/mail/" + this.sent + "/resend").session(session).with(csrf()))
			.andExpect(redirectedUrl("/mail"))
			.andExpect(flash().attribute("problem",
					"Mail #" + this.sent + " is SENT: only a failed or unknown mail can be sent again."));
	}

	@Test
	void aCsmHasNoOutboxPage() throws Exception {
		SignIn misaki = new TestUsers(this.userAccounts, this.jdbc).csmUser("misaki@example.com");
		this.mvc.perform(get("/mail").session(signIn(misaki))).andExpect(status().isForbidden());
		this.mvc.perform(post("/mail/" + this.unknown + "/resend").session(signIn(misaki)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT status FROM mail_outbox WHERE id = ?", String.class, this.unknown))
			.isEqualTo("UNKNOWN");
	}

	private long mail(long csm, String status, String error) {
		Timestamp now = Timestamp.valueOf(this.clock.localNow());
		String key = "test:" + status + ":" + System.nanoTime();
		this.jdbc.update(
				"""
						INSERT INTO mail_outbox (mail_key, kind, csm_id, run_id, run_date, status, recipient, recipient_name,
						  subject, text_body, html_body, message_id, attempts, next_attempt_at, last_error, created_at, updated_at)
						VALUES (?, 'DIGEST', ?, 1, ?, ?, 'misaki@example.com', 'Misaki Ito', '3 new tasks', 'Text', '<p>HTML</p>',
						  ?, 1, ?, ?, ?, ?)
						""",
				key, csm, LocalDate.now(this.clock), status, "<" + key + "@example.com>", now, error, now, now);
		return this.jdbc.queryForObject("SELECT id FROM mail_outbox WHERE mail_key = ?", Long.class, key);
	}

	private MockHttpSession signIn(SignIn user) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", user.username()).param("password", user.password()).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
