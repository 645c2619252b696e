package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the portfolio seed, one per account (or per
 * other unit), so that what an account looks like depends only on the seed and its
 * number, never on how many accounts were generated before it.
 */
final class RandomStreams {

	static final long ACCOUNTS = 0x4143434F554E5453L;

	static final long ARCHETYPES = 0x41524348455459L;

	static final long CSMS = 0x43534D53L;

	static final long CONTACTS = 0x434F4E54414354L;

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private RandomStreams() {
	}

	static SplittableRandom stream(long seed, long purpose, long index) {
		return new SplittableRandom(mix(mix(seed ^ purpose) + index * GOLDEN_GAMMA));
	}

	// SplitMix64's finaliser: neighbouring seeds and indexes give unrelated streams
	// (a plain seed ^ index would make seed 42's account 1 a shifted copy of seed 43's)
	private static long mix(long value) {
		long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
