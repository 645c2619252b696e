package com.successpilot.system;

/**
 * Fits free text (reasons, server replies, task descriptions) into a database column of
 * limited length, marking the cut with an ellipsis rather than failing the write.
 */
public final class ColumnText {

	private ColumnText() {
	}

	/**
	 * @return the text, cut to {@code length} characters with a trailing "…" when longer;
	 * {@code null} stays {@code null}
	 */
	public static String fit(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
