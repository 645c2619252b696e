package com.successpilot.security.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Security's answers in the API's error format (RFC 9457 problem details), so a script
 * gets the same JSON for "who are you?", "not allowed" and "too many attempts" as for any
 * other error, in the language the request asks for (Japanese or English).
 */
@Component
class ProblemResponses {

	private final ObjectMapper json;

	private final MessageSource messages;

	ProblemResponses(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof SignInThrottledException throttled) {
			tooManyAttempts(request, response, throttled);
			return;
		}
		response.setHeader("WWW-Authenticate", "Bearer realm=\"SuccessPilot\"");
		write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "problem.sign-in-first");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpServletResponse.SC_FORBIDDEN,
				(ex instanceof CsrfException) ? "problem.csrf" : "problem.role");
	}

	void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, SignInThrottledException ex)
			throws IOException {
		response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
		write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(), "problem.sign-in-throttled",
				ex.retryAfterSeconds());
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
			Object... arguments) throws IOException {
		String detail = this.messages.getMessage(messageKey, arguments, request.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
