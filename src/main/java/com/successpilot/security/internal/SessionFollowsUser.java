package com.successpilot.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.successpilot.security.SignedInUser;
import com.successpilot.security.UserAccounts;

/**
 * A browser session follows its user: on every request of a signed-in session the user's
 * current session version is read (one indexed row); when the user has been disabled, had
 * their role or CSM changed, their password reset or been signed out everywhere since the
 * session signed in, the session ends and the request goes on as anonymous (a page
 * redirects to the login, the API answers 401). Chosen over a session registry because it
 * holds across several servers and restarts: the database is the one truth.
 */
class SessionFollowsUser extends OncePerRequestFilter {

	/** The session attribute holding the session version the session signed in at. */
	static final String VERSION = SessionFollowsUser.class.getName() + ".VERSION";

	private static final Log log = LogFactory.getLog(SessionFollowsUser.class);

	private final UserAccounts users;

	SessionFollowsUser(UserAccounts users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user
				&& !current(user, session)) {
			log.info("Session of " + user.getUsername() + " ended: the user's access changed since signing in");
			session.invalidate();
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

	private boolean current(SignedInUser user, HttpSession session) {
		Object signedInAt;
		try {
			signedInAt = session.getAttribute(VERSION);
		}
		catch (IllegalStateException invalidated) {
			return false;
		}
		return (signedInAt instanceof Integer version)
				&& this.users.sessionVersion(user.id()).map(version::equals).orElse(false);
	}

}
