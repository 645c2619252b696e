package com.successpilot.ingest.internal;

/**
 * Cuts feed text before it reaches a message, a log line or a reject file: a hostile or
 * broken file (a 5 MB header, a row of one endless field) must not be echoed whole.
 */
final class Excerpt {

	/** The longest value quoted in a reason or a log line. */
	static final int VALUE = 200;

	/** The longest raw line kept in the ledger and the reject file. */
	static final int LINE = 1000;

	private Excerpt() {
	}

	/**
	 * @return the text itself when it is at most {@value #VALUE} characters, otherwise
	 * its start with how much was left out ({@code "abc… (+4,812 characters)"})
	 */
	static String of(String text) {
		return of(text, VALUE);
	}

	static String of(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		return text.substring(0, length)
				+ String.format(java.util.Locale.ROOT, "… (+%,d characters)", text.length() - length);
	}

}
