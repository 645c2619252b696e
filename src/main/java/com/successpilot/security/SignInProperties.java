package com.successpilot.security;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of signing in with a password ({@code successpilot.sign-in.*}): how many wrong
 * passwords are tolerated before the server makes the guesser wait, and how long a
 * successful HTTP Basic check is remembered.
 * <p>
 * After {@code freeFailuresPerUser} wrong passwords for one username (or
 * {@code freeFailuresPerAddress} from one client address, whatever the username) each
 * further failure locks that username (address) for {@code firstDelay}, doubling with
 * each failure up to {@code maxDelay}; a sign-in attempt while locked is answered 429
 * with {@code Retry-After}, without checking the password. Counts are forgotten after
 * {@code forgetAfter} without a failure, and a username's count on a successful sign-in.
 *
 * @param freeFailuresPerUser wrong passwords for one username before it is locked
 * @param freeFailuresPerAddress wrong passwords from one client address before it is
 * locked (higher: several people may share an address)
 * @param firstDelay the first lock; it doubles with each further failure
 * @param maxDelay the longest lock
 * @param forgetAfter a username or address without a failure for this long starts afresh
 * @param basicCheckTtl how long a successful HTTP Basic check is remembered (keyed by a
 * salted SHA-256 of the username and password, in memory only), so a script sending the
 * same credentials with every request costs one bcrypt check per this period; 0 turns it
 * off. It ends early when the user's access changes.
 */
@ConfigurationProperties("successpilot.sign-in")
@Validated
public record SignInProperties(@DefaultValue("5") @PositiveOrZero int freeFailuresPerUser,
		@DefaultValue("20") @PositiveOrZero int freeFailuresPerAddress, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("1h") Duration forgetAfter,
		@DefaultValue("5m") Duration basicCheckTtl) {

}
