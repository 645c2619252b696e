package com.successpilot.security.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.successpilot.security.ApiTokens;
import com.successpilot.security.SignInProperties;
import com.successpilot.security.UserAccounts;

/**
 * Who may call what. Browsers sign in with a session (form login, CSRF on); scripts send
 * HTTP Basic or an API token ({@code Authorization: Bearer sp_…}) with every request and
 * are exempt from CSRF, which is safe because the server never asks a browser for Basic
 * credentials (its 401 challenge is {@code Bearer}), so a browser never attaches an
 * Authorization header by itself.
 * <p>
 * An API call with neither session nor Authorization header is exempt too: it carries
 * nothing a forger could borrow, and gets the clearer 401.
 * <p>
 * Coarse rules live here (users, API and pages: ADMIN; runs, rules, playbook results,
 * mail, API and pages, the OpenAPI description and Swagger UI: OPS; accounts and tasks:
 * any user); which accounts a CSM may see is decided by the account and task features
 * with {@link com.successpilot.security.SignedInUser#mayWorkOn(Long)}.
 * <p>
 * Passwords are checked by {@link PasswordCheck} (throttled, successful HTTP Basic checks
 * remembered briefly); a browser session follows its user ({@link SessionFollowsUser}).
 * Pages may load scripts and styles from the server only (Content-Security-Policy, no
 * inline script), and send no Referer to other sites.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {

	/**
	 * Scripts only from the server itself, never inline. Styles too, except that inline
	 * styles are allowed (Spring Security's login page and Swagger UI use them; a style
	 * cannot run code).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher API = (request) -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/");

	/**
	 * The OpenAPI description springdoc generates; read by scripts, so a refusal is a
	 * problem like the API's.
	 */
	private static final RequestMatcher API_DESCRIPTION = (request) -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/v3/api-docs");

	private static final RequestMatcher API_OR_DESCRIPTION = (request) -> API.matches(request)
			|| API_DESCRIPTION.matches(request);

	private static final RequestMatcher SCRIPT = (request) -> request.getHeader("Authorization") != null;

	/**
	 * A browser asking for a page (not an icon, a style sheet or an image it fetches by
	 * itself), so a sign-in never returns to {@code /favicon.ico}.
	 */
	private static final RequestMatcher BROWSER_PAGE = (request) -> {
		String accept = request.getHeader("Accept");
		return accept == null || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("image/");
	};

	/** An API call without a session cookie has no ambient credentials to forge. */
	private static final RequestMatcher API_WITHOUT_SESSION = (request) -> API.matches(request)
			&& request.getSession(false) == null;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, ApiTokens tokens,
			UserAccounts users) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
					"/successpilot.css", "/favicon.ico", "/favicon.svg", "/images/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("OPS")
			.requestMatchers(API_DESCRIPTION)
			.hasRole("OPS")
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**")
			.hasRole("OPS")
			.requestMatchers("/api/users", "/api/users/**", "/users", "/users/**")
			.hasRole("ADMIN")
			// the pages of CS operations: runs, rules, playbook results, the mail outbox
			.requestMatchers("/runs", "/runs/**", "/rules", "/rules/**", "/results", "/results/**", "/mail", "/mail/**")
			.hasRole("OPS")
			.requestMatchers("/api/runs", "/api/runs/**", "/api/rules", "/api/rules/**", "/api/schedules",
					"/api/schedules/**")
			.hasRole("OPS")
			// removing a value agreed with a customer: OPS; reading an account's
			// thresholds:
			// like the account
			.requestMatchers(HttpMethod.DELETE, "/api/accounts/*/thresholds/*")
			.hasRole("OPS")
			.anyRequest()
			.authenticated());
		http.formLogin((login) -> login.loginPage("/login")
			.permitAll()
			.successHandler(rememberingSessionVersion())
			.failureHandler((request, response, ex) -> signInFailed(request, response, ex, problems)));
		http.addFilterAfter(new SessionFollowsUser(users), SecurityContextHolderFilter.class);
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		http.httpBasic((basic) -> basic.authenticationEntryPoint(problems::unauthorized));
		http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class);
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(SCRIPT, API_WITHOUT_SESSION));
		http.requestCache((cache) -> cache.requestCache(browserPagesOnly()));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(problems::unauthorized, API_OR_DESCRIPTION)
			.defaultAccessDeniedHandlerFor(problems::forbidden, API_OR_DESCRIPTION)
			// a page: the 403 error page inside the layout
			.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
		return http.build();
	}

	/**
	 * After a form login, the session keeps the user's session version (see
	 * {@link SessionFollowsUser}), then goes where the browser was heading.
	 */
	private static SavedRequestAwareAuthenticationSuccessHandler rememberingSessionVersion() {
		SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				if (authentication.getDetails() instanceof SignInStamp stamp) {
					request.getSession().setAttribute(SessionFollowsUser.VERSION, stamp.sessionVersion());
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}

		};
		next.setRequestCache(browserPagesOnly());
		return next;
	}

	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex, ProblemResponses problems) throws IOException, ServletException {
		if (ex instanceof SignInThrottledException throttled) {
			String accept = request.getHeader("Accept");
			if (accept != null && accept.contains("text/html")) {
				// a browser gets the sign-in page saying how long to wait, not a JSON
				// answer
				response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.retryAfterSeconds());
				return;
			}
			problems.tooManyAttempts(request, response, throttled);
			return;
		}
		new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request, response, ex);
	}

	/**
	 * Remembers a page a browser asked for before signing in, so the login returns there;
	 * an API call is never remembered, so scripts get no session cookie.
	 */
	private static RequestCache browserPagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		// the page signed in to keeps its own address (no "?continue" appended)
		cache.setMatchingRequestParameterName(null);
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && BROWSER_PAGE.matches(request)
				&& !API_OR_DESCRIPTION.matches(request) && !SCRIPT.matches(request));
		return cache;
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ADMIN")
			.implies("OPS")
			.role("OPS")
			.implies("CSM")
			.build();
	}

	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
