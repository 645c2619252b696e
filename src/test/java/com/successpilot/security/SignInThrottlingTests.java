package com.successpilot.security;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.successpilot.MutableClock;
import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing is throttled per username and per client address (issue 13, point 2),
 * and the bcrypt check is not reachable at line rate: a locked name or address is refused
 * before the check, and a successful HTTP Basic check is remembered briefly. Each test
 * signs in from its own client address, so the locks stay within it. Time moves on the
 * test clock.
 */
@SuccessPilotTest
class SignInThrottlingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	TestUsers users;

	@BeforeEach
	void users() {
		TestData.deleteAll(this.jdbc);
		this.users = new TestUsers(this.userAccounts, this.jdbc);
	}

	@Test
	void afterFiveWrongPasswordsTheUserWaitsTwiceAsLongAfterEachFurtherOne() throws Exception {
		SignIn ops = this.users.ops();
		for (int i = 0; i < 5; i++) {
			me(ops.username(), "wrong-" + i, "198.51.100.1").andExpect(status().isUnauthorized());
		}
		me(ops.username(), "wrong-5", "198.51.100.1").andExpect(status().isUnauthorized());
		double throttledBefore = this.meters.counter("successpilot.sign-in.throttled").count();

		me(ops.username(), ops.password(), "198.51.100.2").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value(containsString("Too many wrong passwords")));
		assertThat(this.meters.counter("successpilot.sign-in.throttled").count()).isEqualTo(throttledBefore + 1);
		assertThat(this.meters.counter("successpilot.sign-in.locks", "by", "user").count()).isPositive();

		this.clock.advance(Duration.ofSeconds(1));
		me(ops.username(), "wrong-6", "198.51.100.1").andExpect(status().isUnauthorized());
		me(ops.username(), "wrong-7", "198.51.100.1").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "2"));
		this.clock.advance(Duration.ofSeconds(2));
		me(ops.username(), ops.password(), "198.51.100.1").andExpect(status().isOk());
		me(ops.username(), "wrong-8", "198.51.100.1").andExpect(status().isUnauthorized());
		me(ops.username(), "wrong-9", "198.51.100.1").andExpect(status().isUnauthorized());
	}

	@Test
	void oneAddressGuessingManyUsernamesIsLockedToo() throws Exception {
		for (int i = 0; i < 20; i++) {
			me("nobody-" + i, "guess", "198.51.100.20").andExpect(status().isUnauthorized());
		}
		me("nobody-20", "guess", "198.51.100.20").andExpect(status().isUnauthorized());
		SignIn ops = this.users.ops();

		me(ops.username(), ops.password(), "198.51.100.20").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		me(ops.username(), ops.password(), "198.51.100.21").andExpect(status().isOk());
		assertThat(this.meters.counter("successpilot.sign-in.locks", "by", "address").count()).isPositive();
	}

	@Test
	void theLoginFormIsThrottledTooInJapanese() throws Exception {
		SignIn csm = this.users.ops();
		for (int i = 0; i < 6; i++) {
			this.mvc
				.perform(post("/login").param("username", csm.username().toUpperCase())
					.param("password", "wrong")
					.with(csrf())
					.with(from("198.51.100.30")))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc
			.perform(post("/login").param("username", csm.username())
				.param("password", csm.password())
				.header("Accept-Language", "ja")
				.with(csrf())
				.with(from("198.51.100.31")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail").value(containsString("パスワード誤りが多すぎます")));
	}

	@Test
	void aSuccessfulBasicCheckIsRememberedForFiveMinutesAndNotRepeated() throws Exception {
		SignIn ops = this.users.ops();
		me(ops.username(), ops.password(), "198.51.100.40").andExpect(status().isOk());
		// a new hash behind the server's back (no change of access): only a fresh bcrypt
		// check would notice, so answers that still succeed were not checked again
		this.jdbc.update("UPDATE users SET password_hash = ? WHERE username = ?",
				this.passwords.encode("another password entirely"), ops.username());

		for (int i = 0; i < 50; i++) {
			me(ops.username(), ops.password(), "198.51.100.40").andExpect(status().isOk());
		}
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		me(ops.username(), ops.password(), "198.51.100.40").andExpect(status().isUnauthorized());
		me(ops.username(), "another password entirely", "198.51.100.40").andExpect(status().isOk());
	}

	@Test
	void aRememberedCheckDoesNotOpenTheDoorToAnotherPassword() throws Exception {
		SignIn ops = this.users.ops();
		me(ops.username(), ops.password(), "198.51.100.50").andExpect(status().isOk());
		me(ops.username(), ops.password() + "x", "198.51.100.50").andExpect(status().isUnauthorized());
		me(ops.username().toUpperCase(), ops.password(), "198.51.100.50").andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(ops.username()));
	}

	private ResultActions me(String username, String password, String address) throws Exception {
		return this.mvc.perform(get("/api/me").with(httpBasic(username, password)).with(from(address)));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
