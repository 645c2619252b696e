package com.successpilot.system.internal;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, Spring Boot's {@code BasicErrorController}
 * replaced): what fails outside a controller — a request the security firewall rejects
 * (for example an address with encoded slashes or invalid UTF-8), a filter's error, a
 * {@code sendError} — is answered as a problem detail like every API error, with the
 * status in words and never the exception's message.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	private static final Log log = LogFactory.getLog(ProblemErrorController.class);

	private final MessageSource messages;

	ProblemErrorController(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
			MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Locale locale = request.getLocale();
		String detail = switch (status) {
			case NOT_FOUND -> this.messages.getMessage("problem.no-such-path", new Object[] { path }, locale);
			case BAD_REQUEST -> this.messages.getMessage("problem.bad-request", null, locale);
			case INTERNAL_SERVER_ERROR -> this.messages.getMessage("problem.server-error", null, locale);
			default -> this.messages.getMessage("problem.status",
					new Object[] { status.value() + " " + status.getReasonPhrase() }, locale);
		};
		if (status.is5xxServerError()) {
			log.error("Error outside a controller answering " + path,
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (path != null) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException notAUri) {
				// the path itself was the problem: leave it out
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
