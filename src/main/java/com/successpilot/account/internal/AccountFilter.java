package com.successpilot.account.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import com.successpilot.security.SignedInUser;

/**
 * Which accounts a list request asks for, checked. {@code scopeCsm} is set for a CSM
 * user: whatever else the filter says, only their own accounts match, so naming another
 * CSM gives an empty list.
 *
 * @param csmId the {@code csm} parameter when it is a database id
 * @param csmEmail the {@code csm} parameter otherwise
 * @param renewalBy only accounts renewing on or before this date ({@code asOf} +
 * {@code renewalWithinDays})
 * @param asOf the reference date of renewal date and days to renewal
 * @param namePattern a LIKE pattern (lower case, escaped with {@code !}) for the
 * {@code q} parameter
 */
record AccountFilter(Long csmId, String csmEmail, String segment, String grade, LocalDate renewalBy, LocalDate asOf,
		String namePattern, Long scopeCsm) {

	static final int MAX_RENEWAL_WINDOW = 3650;

	private static final Pattern ID = Pattern.compile("\\d{1,18}");

	/**
	 * @param asOf the reference date: the request's, or else today
	 */
	static AccountFilter of(String csm, String segment, String grade, Integer renewalWithinDays, LocalDate asOf,
			String q, SignedInUser user) {
		String csmText = blankToNull(csm);
		boolean csmIsId = csmText != null && ID.matcher(csmText).matches();
		return new AccountFilter(csmIsId ? Long.valueOf(csmText) : null, csmIsId ? null : csmText, blankToNull(segment),
				blankToNull(grade), renewalBy(renewalWithinDays, asOf), asOf, pattern(q), scopeOf(user));
	}

	/**
	 * The CSM whose accounts alone a user may see, {@code null} for all. A CSM user
	 * without a CSM record sees nothing (no account has CSM -1) rather than everything.
	 */
	static Long scopeOf(SignedInUser user) {
		if (!user.ownsOnly()) {
			return null;
		}
		return (user.csmId() != null) ? user.csmId() : -1L;
	}

	private static LocalDate renewalBy(Integer days, LocalDate reference) {
		if (days == null) {
			return null;
		}
		if (days < 0 || days > MAX_RENEWAL_WINDOW) {
			throw new IllegalArgumentException("Parameter 'renewalWithinDays' must be between 0 and "
					+ MAX_RENEWAL_WINDOW + " (got " + days + ")");
		}
		return reference.plusDays(days);
	}

	private static String pattern(String q) {
		String text = blankToNull(q);
		if (text == null) {
			return null;
		}
		String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
