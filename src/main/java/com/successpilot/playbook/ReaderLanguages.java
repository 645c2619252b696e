package com.successpilot.playbook;

import java.util.List;

/**
 * The languages the people who read SuccessPilot's texts read: playbooks must carry each
 * of them, and a CSM whose feed row names no language reads the default one. Configured
 * with the mail settings ({@code successpilot.mail.default-language},
 * {@code successpilot.mail.languages}), owned here because every text — playbooks, mails,
 * pages — is written for them.
 */
public interface ReaderLanguages {

	/**
	 * The language of a CSM whose feed row gives none ({@code ja} or {@code en}).
	 */
	String defaultLanguage();

	/**
	 * The languages CSMs read; {@code validate} warns about playbook texts missing one.
	 */
	List<String> languages();

	/**
	 * The language a CSM reads: their own, or the default when their feed row gave none.
	 */
	default String languageOf(String csmLanguage) {
		return (csmLanguage != null && !csmLanguage.isBlank()) ? csmLanguage : defaultLanguage();
	}

}
