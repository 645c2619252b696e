package com.successpilot.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.successpilot.security.ApiTokens;
import com.successpilot.security.SignedInUser;

/**
 * Signs in a request carrying {@code Authorization: Bearer sp_…} as the token's user, for
 * this request only (no session). A bearer token that is unknown, revoked or belongs to a
 * disabled user is answered 401 at once.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		SignedInUser user = this.tokens.authenticate(header.substring(BEARER.length()).strip()).orElse(null);
		if (user == null) {
			this.problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "problem.token-refused");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiTokenAuthentication(user));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
