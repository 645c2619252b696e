package com.successpilot.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import com.successpilot.security.SignInProperties;

/**
 * Counts wrong passwords per username and per client address and locks either for a
 * doubling delay once its free failures are used up ({@link SignInProperties}). Kept in
 * memory: a restart forgets, and each server of several counts on its own. A lock is
 * logged once (WARN) and counted in the metric {@code successpilot.sign-in.locks} (tag
 * {@code by}: user or address); refused attempts in
 * {@code successpilot.sign-in.throttled}.
 */
@Component
class SignInThrottle {

	private static final Log log = LogFactory.getLog(SignInThrottle.class);

	/** Beyond this many tracked names or addresses, the oldest quiet ones are dropped. */
	private static final int MAX_TRACKED = 100_000;

	private final Map<String, Failures> byUser = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final SignInProperties settings;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Counter throttled;

	SignInThrottle(SignInProperties settings, Clock clock, MeterRegistry meters) {
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
		this.throttled = Counter.builder("successpilot.sign-in.throttled")
			.description("Sign-in attempts refused with 429 because of earlier wrong passwords")
			.register(meters);
	}

	/**
	 * @throws SignInThrottledException when the username or the address is locked
	 */
	void check(String username, String address) {
		Instant now = this.clock.instant();
		Duration wait = longer(remaining(this.byUser.get(key(username)), now),
				remaining(this.byAddress.get(address), now));
		if (!wait.isZero()) {
			this.throttled.increment();
			throw new SignInThrottledException(wait);
		}
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		failed(this.byUser, key(username), "user", this.settings.freeFailuresPerUser(), now);
		if (address != null) {
			failed(this.byAddress, address, "address", this.settings.freeFailuresPerAddress(), now);
		}
	}

	void succeeded(String username) {
		this.byUser.remove(key(username));
	}

	private void failed(Map<String, Failures> failures, String key, String by, int free, Instant now) {
		if (failures.size() >= MAX_TRACKED) {
			forgetQuiet(failures, now);
		}
		Failures after = failures.compute(key, (k, before) -> next(before, free, now));
		if (after.lockedUntil() != null && after.count() == free + 1) {
			log.warn("Sign-in locked for " + by + " '" + key + "' after " + after.count()
					+ " wrong passwords; each further one doubles the wait (up to " + this.settings.maxDelay() + ")");
			this.meters.counter("successpilot.sign-in.locks", "by", by).increment();
		}
	}

	private Failures next(Failures before, int free, Instant now) {
		int count = (before == null || before.last().plus(this.settings.forgetAfter()).isBefore(now)) ? 1
				: before.count() + 1;
		if (count <= free) {
			return new Failures(count, now, null);
		}
		return new Failures(count, now, now.plus(delay(count - free)));
	}

	private Duration delay(int lockNumber) {
		Duration delay = this.settings.firstDelay();
		for (int i = 1; i < lockNumber && delay.compareTo(this.settings.maxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	private void forgetQuiet(Map<String, Failures> failures, Instant now) {
		Instant quietSince = now.minus(this.settings.forgetAfter());
		failures.values().removeIf((f) -> f.last().isBefore(quietSince));
		if (failures.size() >= MAX_TRACKED) {
			failures.clear();
		}
	}

	private static Duration remaining(Failures failures, Instant now) {
		if (failures == null || failures.lockedUntil() == null || !failures.lockedUntil().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, failures.lockedUntil());
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String key(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	private record Failures(int count, Instant last, Instant lockedUntil) {

	}

}
