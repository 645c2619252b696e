package com.successpilot.system.internal;

import java.io.IOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import tools.jackson.databind.json.JsonMapper;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The errors Tomcat answers before any servlet sees the request — an address that is not
 * valid UTF-8, an encoded slash or NUL, a malformed request line — as problem details
 * like every other error, instead of Tomcat's HTML page naming its version.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/**
	 * Tomcat's error report as {@code application/problem+json}, in Japanese or English.
	 */
	public static class ProblemReportValve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String reason = (known != null) ? known.getReasonPhrase() : "Error";
			String detail = text(request.getLocale(), (status == 400) ? "problem.bad-request"
					: (status >= 500) ? "problem.server-error" : "problem.status", status + " " + reason);
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer out = response.getReporter();
				if (out != null) {
					Map<String, Object> problem = new LinkedHashMap<>();
					problem.put("type", "about:blank");
					problem.put("title", reason);
					problem.put("status", status);
					problem.put("detail", detail);
					out.write(JSON.writeValueAsString(problem));
					out.flush();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response committed: nothing more to say
			}
		}

		private static String text(Locale locale, String key, String status) {
			ResourceBundle.Control control = ResourceBundle.Control
				.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
			ResourceBundle messages;
			try {
				messages = ResourceBundle.getBundle("messages", (locale != null) ? locale : Locale.ROOT, control);
			}
			catch (MissingResourceException ex) {
				messages = ResourceBundle.getBundle("messages", Locale.ROOT, control);
			}
			return new MessageFormat(messages.getString(key), Locale.ROOT).format(new Object[] { status });
		}

	}

}
