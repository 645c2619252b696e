package com.successpilot.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Security's answers in the API's error format (RFC 9457 problem details), so a script
 * gets the same JSON for "who are you?" and "not allowed" as for any other error.
 */
@Component
class ProblemResponses {

	private final ObjectMapper json;

	ProblemResponses(ObjectMapper json) {
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"SuccessPilot\"");
		write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
				"Sign in first: a session, HTTP Basic credentials or an API token (Authorization: Bearer …)");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpServletResponse.SC_FORBIDDEN, (ex instanceof CsrfException)
				? "The CSRF token is missing or stale: send the header and token that GET /api/me gives a browser session"
				: "Your role may not do this");
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
