package com.successpilot.security.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.successpilot.playbook.ReaderLanguages;
import com.successpilot.security.SignedInUser;

/**
 * The language of the pages: a CSM reads their own (the {@code language} of the CSM feed,
 * else {@code successpilot.mail.default-language}), as in their mails; anyone else the
 * browser's preference between Japanese and English, else the default.
 */
@Component("localeResolver")
class PageLanguage implements LocaleResolver {

	private static final List<Locale> SPOKEN = List.of(Locale.JAPANESE, Locale.ENGLISH);

	private final JdbcTemplate jdbc;

	private final ReaderLanguages languages;

	PageLanguage(JdbcTemplate jdbc, ReaderLanguages languages) {
		this.jdbc = jdbc;
		this.languages = languages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
				&& user.csmId() != null) {
			List<String> language = this.jdbc.queryForList("SELECT language FROM csms WHERE id = ?", String.class,
					user.csmId());
			if (!language.isEmpty() && language.get(0) != null) {
				return Locale.forLanguageTag(language.get(0));
			}
			return defaultLanguage();
		}
		if (request.getHeader("Accept-Language") != null) {
			Locale preferred = request.getLocale();
			for (Locale spoken : SPOKEN) {
				if (spoken.getLanguage().equals(preferred.getLanguage())) {
					return spoken;
				}
			}
		}
		return defaultLanguage();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The page language follows the CSM's language or the browser's");
	}

	private Locale defaultLanguage() {
		return Locale.forLanguageTag(this.languages.defaultLanguage());
	}

}
