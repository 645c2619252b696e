package com.successpilot.playbook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text CS ops wrote for people, in one or more languages ({@code ja}, {@code en}): a
 * plain string in a playbook file, or {@code {ja: …, en: …}}. A reader gets their own
 * language; only when it is missing do they get another one, because a task in the wrong
 * language is still better than a task without a title.
 */
public final class LocalizedText {

	/** Written as a plain string: not marked with a language, used for every reader. */
	private static final String UNMARKED = "";

	private static final LocalizedText NONE = new LocalizedText(Map.of());

	private final Map<String, String> byLanguage;

	private LocalizedText(Map<String, String> byLanguage) {
		this.byLanguage = Map.copyOf(byLanguage);
	}

	public static LocalizedText none() {
		return NONE;
	}

	/** A plain string, written in no particular language. */
	public static LocalizedText plain(String text) {
		return (text == null || text.isBlank()) ? NONE : new LocalizedText(Map.of(UNMARKED, text));
	}

	/** Texts by language code, e.g. {@code {ja=…, en=…}}; blank ones are left out. */
	public static LocalizedText of(Map<String, String> byLanguage) {
		Map<String, String> texts = new LinkedHashMap<>();
		byLanguage.forEach((language, text) -> {
			if (text != null && !text.isBlank()) {
				texts.put(language, text);
			}
		});
		return texts.isEmpty() ? NONE : new LocalizedText(texts);
	}

	public boolean isEmpty() {
		return this.byLanguage.isEmpty();
	}

	/**
	 * Whether the text was written for this language (a plain string counts as written
	 * for none).
	 */
	public boolean has(String language) {
		return language != null && this.byLanguage.containsKey(language);
	}

	/**
	 * The text in the reader's language; else the plain string; else the first of the
	 * other languages in {@code preference} order; {@code null} when there is no text.
	 */
	public String in(String language, List<String> preference) {
		String text = (language != null) ? this.byLanguage.get(language) : null;
		if (text == null) {
			text = this.byLanguage.get(UNMARKED);
		}
		for (int i = 0; text == null && i < preference.size(); i++) {
			text = this.byLanguage.get(preference.get(i));
		}
		return (text != null || this.byLanguage.isEmpty()) ? text : this.byLanguage.values().iterator().next();
	}

	/**
	 * The text in the reader's language, or the plain string; {@code null} when it was
	 * only written in other languages.
	 */
	public String withoutFallback(String language) {
		String text = (language != null) ? this.byLanguage.get(language) : null;
		return (text != null) ? text : this.byLanguage.get(UNMARKED);
	}

	/** The text in the reader's language, falling back to Japanese, then English. */
	public String in(String language) {
		return in(language, List.of("ja", "en"));
	}

	/**
	 * The languages of {@code inUse} this text lacks (all of them for a plain string).
	 */
	public List<String> missing(Collection<String> inUse) {
		return inUse.stream().filter((language) -> !has(language)).toList();
	}

	@Override
	public String toString() {
		return this.byLanguage.toString();
	}

}
