package com.successpilot.system.internal;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}, Spring Boot's {@code BasicErrorController}
 * replaced): what fails outside a controller — a request the security firewall rejects
 * (for example an address with encoded slashes or invalid UTF-8), a filter's error, a
 * {@code sendError} — is answered as a problem detail like every API error, with the
 * status in words and never the exception's message.
 * <p>
 * A browser asking for a page ({@code Accept: text/html}) gets the error page inside the
 * layout instead ({@code templates/error/4xx.html}, {@code 5xx.html}): not found, not for
 * your role, something went wrong — never JSON.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	private static final Log log = LogFactory.getLog(ProblemErrorController.class);

	private final MessageSource messages;

	private final Clock clock;

	ProblemErrorController(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@RequestMapping
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

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView errorPage(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (status.is5xxServerError()) {
			log.error("Error answering the page " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		ModelAndView page = new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx");
		page.addObject("status", status.value());
		page.addObject("timestamp", OffsetDateTime.now(this.clock).withNano(0).toString());
		page.setStatus(status);
		return page;
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
