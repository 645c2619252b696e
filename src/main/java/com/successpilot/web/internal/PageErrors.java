package com.successpilot.web.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.successpilot.system.InputProblem;
import com.successpilot.system.NotFoundException;
import com.successpilot.system.PageController;

/**
 * The errors of every {@link PageController}, answered as pages: an unknown id is the 404
 * page, bad input (a value that is not a number or date, one the page does not offer, a
 * missing parameter) the 400 page saying what was wrong in the reader's language, with a
 * link back to the section. Ahead of the API's problem answers, which every other
 * controller keeps.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	/** How a parameter's type is named in a problem ({@code problem.type.*}). */
	private static final Map<Class<?>, String> KINDS = Map.of(LocalDate.class, "date", Long.class, "number", long.class,
			"number", Integer.class, "number", int.class, "number", Boolean.class, "boolean", boolean.class, "boolean");

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private final MessageSource messages;

	private final Clock clock;

	PageErrors(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error/4xx";
	}

	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	String badInput(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		model.addAttribute("problem", problem(ex));
		model.addAttribute("back", section(request));
		return "error/4xx";
	}

	/**
	 * A change that no longer applies (the task was closed meanwhile, a row changed under
	 * the page): 409, saying why.
	 */
	@ExceptionHandler({ IllegalStateException.class, OptimisticLockingFailureException.class })
	String conflict(RuntimeException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("status", HttpStatus.CONFLICT.value());
		model.addAttribute("problem", ex.getMessage());
		model.addAttribute("back", section(request));
		return "error/4xx";
	}

	@ExceptionHandler(AccessDeniedException.class)
	void accessDenied(AccessDeniedException ex) {
		// Spring Security answers it with the 403 page
		throw ex;
	}

	/**
	 * Anything else is a fault of the server: logged with its stack, and the 500 page
	 * inside the layout (never the API's JSON). Spring's own errors keep their statuses.
	 */
	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (ex instanceof ErrorResponse) {
			throw ex;
		}
		log.error("Unexpected error showing the page {}", request.getRequestURI(), ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		model.addAttribute("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
		model.addAttribute("timestamp", OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS));
		return "error/5xx";
	}

	private String problem(Exception ex) {
		if (ex instanceof InputProblem input) {
			return word(input.key(), input.arguments());
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return word("problem.type-mismatch", mismatch.getName(), String.valueOf(mismatch.getValue()),
					word("problem.type." + kind(mismatch.getRequiredType())));
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return word("problem.missing-parameter", missing.getParameterName());
		}
		return ex.getMessage();
	}

	/**
	 * The first step of the address: {@code /runs/12/restart} belongs to {@code /runs}.
	 */
	private static String section(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		int end = path.indexOf('/', 1);
		return request.getContextPath() + ((end > 0) ? path.substring(0, end) : path);
	}

	private static String kind(Class<?> type) {
		return (type != null) ? KINDS.getOrDefault(type, "value") : "value";
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
