package com.successpilot.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link Clock}, in the server's time zone. Every "now" and "today"
 * — a run's default business date, the timestamps written to the database, mail retries
 * and leases, snooze dates, caches — is read from it, injected through the constructor,
 * so that a test moves time instead of waiting for it. Only durations are measured with
 * {@link System#nanoTime()}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
