package com.successpilot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: the application's {@link Clock} in
 * every {@link SuccessPilotTest} context, put back to the present (in whole seconds)
 * before each test by {@link TestClock}. A test that needs a particular day or hour sets
 * it; a test in which time passes advances it, rather than sleeping or rewriting
 * timestamps in the database.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	/**
	 * The present, standing still, in the system's time zone (as the application's own
	 * clock).
	 */
	public MutableClock() {
		this(new AtomicReference<>(present()), ZoneId.systemDefault());
	}

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/**
	 * Back to the present (whole seconds, as the database keeps them), standing still.
	 */
	public void reset() {
		set(present());
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	/**
	 * Sets the clock to a time of day on a day, in the clock's zone.
	 */
	public void set(LocalDate day, LocalTime time) {
		set(day.atTime(time).atZone(this.zone).toInstant());
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	/**
	 * Today in the clock's zone.
	 */
	public LocalDate today() {
		return LocalDate.now(this);
	}

	/**
	 * The local date and time, as the application writes it to the database.
	 */
	public LocalDateTime localNow() {
		return LocalDateTime.now(this);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/**
	 * The same clock seen from another zone: moving one moves both.
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

	private static Instant present() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

}
