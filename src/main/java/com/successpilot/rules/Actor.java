package com.successpilot.rules;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting, for the version history: the signed-in user of a request, or the
 * operating system user running a command.
 */
final class Actor {

	private Actor() {
	}

	static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken) && authentication.getName() != null) {
			return authentication.getName();
		}
		return "os:" + System.getProperty("user.name", "unknown");
	}

}
