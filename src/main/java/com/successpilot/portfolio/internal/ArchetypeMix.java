package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * Gives each account its archetype. Every block of a hundred accounts (ACC-000001 to
 * ACC-000100, ...) holds exactly {@link Archetype#perHundred()} of each, shuffled by the
 * seed: a small portfolio shows every archetype, and an account's archetype does not
 * depend on the size of the portfolio.
 */
public final class ArchetypeMix {

	private static final int BLOCK = 100;

	private static final Archetype[] SLOTS = slots();

	private ArchetypeMix() {
	}

	/**
	 * The archetype of account number {@code accountNumber} (1 for ACC-000001).
	 */
	public static Archetype archetypeOf(long seed, int accountNumber) {
		if (accountNumber < 1) {
			throw new IllegalArgumentException("Account numbers start at 1, not " + accountNumber);
		}
		int index = accountNumber - 1;
		Archetype[] block = SLOTS.clone();
		SplittableRandom random = RandomStreams.stream(seed, RandomStreams.ARCHETYPES, index / BLOCK);
		int wanted = index % BLOCK;
		// Fisher-Yates from the front: slot i is final after step i
		for (int i = 0; i <= wanted; i++) {
			int j = i + random.nextInt(BLOCK - i);
			Archetype swap = block[i];
			block[i] = block[j];
			block[j] = swap;
		}
		return block[wanted];
	}

	/**
	 * The number in an account id: 42 for {@code ACC-000042}.
	 */
	public static int accountNumber(String accountId) {
		if (accountId == null || !accountId.matches("ACC-\\d{6,9}")) {
			throw new IllegalArgumentException("Not a demo account id (ACC-000001): '" + accountId + "'");
		}
		return Integer.parseInt(accountId.substring(4));
	}

	static String accountId(int accountNumber) {
		String digits = Integer.toString(accountNumber);
		return "ACC-" + "000000".substring(Math.min(6, digits.length())) + digits;
	}

	private static Archetype[] slots() {
		Archetype[] slots = new Archetype[BLOCK];
		int next = 0;
		for (Archetype archetype : Archetype.values()) {
			for (int i = 0; i < archetype.perHundred(); i++) {
				slots[next++] = archetype;
			}
		}
		if (next != BLOCK) {
			throw new IllegalStateException("Archetype shares add up to " + next + ", not " + BLOCK);
		}
		return slots;
	}

}
