package com.successpilot.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.successpilot.system.DateRange;
import com.successpilot.system.InputProblem;
import com.successpilot.system.NotFoundException;

/**
 * Every API error as an RFC 9457 problem ({@code application/problem+json}) with a
 * message a person can act on, in the request's language where the message is ours
 * ({@link InputProblem}). Bad input is a 4xx naming the parameter; only a fault of the
 * server itself is a 500. No answer names a Java class or method: Spring's own details
 * are replaced by ours, and a message that still looks like a class name is not shown.
 * Errors outside a controller (the container's, the security filters') are answered in
 * the same format by {@link ProblemErrorController}. A browser asking for a page at a
 * path nothing answers gets the error page there instead; page controllers answer their
 * own errors with pages ({@code @ExceptionHandler} in the controller, which comes first).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	/** A qualified Java name (java.time.LocalDate, com.successpilot.…): never shown. */
	static final Pattern INTERNAL_NAME = Pattern.compile("\\b(java|javax|jakarta|com|org|tools|sun)\\.[a-z]\\w*\\.");

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InputProblem.class)
	ProblemDetail inputProblem(InputProblem ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(ex.key(), ex.arguments()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, shown(ex.getMessage(), HttpStatus.BAD_REQUEST));
	}

	/**
	 * A query string that is not UTF-8 (say {@code ?asOf=%FF}): Tomcat refuses it when a
	 * parameter is first read, with an IllegalStateException that is not a conflict.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail malformedParameters(InvalidParameterException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.bad-request"));
	}

	@ExceptionHandler({ IllegalStateException.class, OptimisticLockingFailureException.class })
	ProblemDetail conflict(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, shown(ex.getMessage(), HttpStatus.CONFLICT));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String value = String.valueOf(ex.getValue());
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof BoundedDateParameters.BadDate bad) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.outOfRange()
					? text("problem.date-out-of-range", ex.getName(), value, DateRange.EARLIEST, DateRange.LATEST)
					: text("problem.not-a-date", ex.getName(), value));
		}
		Class<?> type = ex.getRequiredType();
		if (type != null && type.isEnum()) {
			String allowed = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					text("problem.not-one-of", ex.getName(), value, allowed));
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text("problem.type-mismatch", ex.getName(), value, text("problem.type." + kind(type))));
	}

	@ExceptionHandler(AccessDeniedException.class)
	void accessDenied(AccessDeniedException ex) {
		// Spring Security turns it into a 403 problem
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error answering an API request", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.server-error"));
	}

	/**
	 * No such path: a problem for the API and scripts; for a browser asking for a page,
	 * the error page inside the layout ({@link ProblemErrorController}).
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& !servlet.getRequest().getRequestURI().startsWith(servlet.getRequest().getContextPath() + "/api/")
				&& String.valueOf(servlet.getRequest().getHeader(HttpHeaders.ACCEPT)).contains("text/html")) {
			try {
				servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
				return null;
			}
			catch (IOException ex2) {
				throw new UncheckedIOException(ex2);
			}
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::describe)
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", errors));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = (ex.getCause() instanceof JacksonException json) ? field(json) : "";
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					text("problem.bad-body", field.isEmpty() ? "" : text("problem.bad-body.field", field))));
	}

	/**
	 * Spring MVC's own errors (no such path, method, media type, missing parameter …)
	 * with our words instead of its, which may name classes and methods.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
			problem.setDetail(detail(ex, problem, request));
		}
		return answer;
	}

	private String detail(Exception ex, ProblemDetail problem, WebRequest request) {
		if (ex instanceof NoResourceFoundException) {
			return text("problem.no-such-path", path(request));
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			String allowed = (method.getSupportedHttpMethods() != null) ? method.getSupportedHttpMethods()
				.stream()
				.map(HttpMethod::name)
				.sorted()
				.collect(Collectors.joining(", ")) : "-";
			return text("problem.method-not-allowed", method.getMethod(), allowed);
		}
		if (ex instanceof HttpMediaTypeNotSupportedException media) {
			return text("problem.media-type", Objects.toString(media.getContentType(), "-"),
					media.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", ")));
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return text("problem.missing-parameter", missing.getParameterName());
		}
		return shown(problem.getDetail(), HttpStatus.valueOf(problem.getStatus()));
	}

	/**
	 * A message as it may be shown: our own, or the status in words when it names a Java
	 * class.
	 */
	private String shown(String message, HttpStatus status) {
		if (message == null || INTERNAL_NAME.matcher(message).find()) {
			return text("problem.status", status.value() + " " + status.getReasonPhrase());
		}
		return message;
	}

	private String text(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, arguments, key, locale);
	}

	private static String field(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : "";
	}

	private static String kind(Class<?> type) {
		if (type == null) {
			return "value";
		}
		return switch (type.getSimpleName()) {
			case "LocalDate" -> "date";
			case "Long", "long", "Integer", "int" -> "number";
			case "Boolean", "boolean" -> "boolean";
			default -> "value";
		};
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

}
