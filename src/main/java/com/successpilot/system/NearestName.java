package com.successpilot.system;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name nearest to a mistyped one, for "did you mean …?" in error messages: the
 * fewest single-character edits (case ignored), and only when it is close enough to be a
 * typo rather than a different word.
 */
public final class NearestName {

	private NearestName() {
	}

	public static Optional<String> to(String typed, Collection<String> known) {
		String lower = typed.toLowerCase(Locale.ROOT);
		return known.stream()
			.min(Comparator.comparingInt((String name) -> distance(lower, name.toLowerCase(Locale.ROOT)))
				.thenComparing(Comparator.naturalOrder()))
			.filter((name) -> distance(lower, name.toLowerCase(Locale.ROOT)) <= Math.max(2, typed.length() / 3));
	}

	/**
	 * {@code " — did you mean 'x'?"}, or an empty text when no known name is close.
	 */
	public static String suggestion(String typed, Collection<String> known) {
		return to(typed, known).map((name) -> " — did you mean '" + name + "'?").orElse("");
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
