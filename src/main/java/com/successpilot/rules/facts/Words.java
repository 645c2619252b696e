package com.successpilot.rules.facts;

/**
 * A text for people in English and Japanese, as a fact value rules can put in the
 * evidence (e.g. the health score's weakest point): a task's why and evidence show it in
 * the reader's language. Written as text it reads in English.
 */
public final class Words {

	private final String english;

	private final String japanese;

	public Words(String english, String japanese) {
		this.english = english;
		this.japanese = (japanese != null) ? japanese : english;
	}

	/**
	 * @param language {@code ja} or {@code en}
	 */
	public String in(String language) {
		return "ja".equals(language) ? this.japanese : this.english;
	}

	@Override
	public String toString() {
		return this.english;
	}

}
