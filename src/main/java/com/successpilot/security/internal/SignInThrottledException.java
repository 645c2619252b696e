package com.successpilot.security.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many wrong passwords for this username or from this address: try again after
 * {@link #retryAfter()} (answered 429 with {@code Retry-After}).
 */
class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whole seconds, at least one, as {@code Retry-After} wants them.
	 */
	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
