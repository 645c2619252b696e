package com.successpilot.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.successpilot.security.ApiTokens;
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
 * Coarse rules live here (users: ADMIN; runs, rules, the OpenAPI description and Swagger
 * UI: OPS; accounts and tasks: any user); which accounts a CSM may see is decided by the
 * account and task features with
 * {@link com.successpilot.security.SignedInUser#mayWorkOn(Long)}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

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

	/** An API call without a session cookie has no ambient credentials to forge. */
	private static final RequestMatcher API_WITHOUT_SESSION = (request) -> API.matches(request)
			&& request.getSession(false) == null;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, ApiTokens tokens)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
					"/successpilot.css")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("OPS")
			.requestMatchers(API_DESCRIPTION)
			.hasRole("OPS")
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**")
			.hasRole("OPS")
			.requestMatchers("/api/users", "/api/users/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/runs", "/api/runs/**", "/api/rules", "/api/rules/**", "/api/schedules",
					"/api/schedules/**")
			.hasRole("OPS")
			.anyRequest()
			.authenticated());
		http.formLogin((login) -> login.permitAll());
		http.httpBasic((basic) -> basic.authenticationEntryPoint(problems::unauthorized));
		http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class);
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(SCRIPT, API_WITHOUT_SESSION));
		http.requestCache((cache) -> cache.requestCache(browserPagesOnly()));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(problems::unauthorized, API_OR_DESCRIPTION)
			.defaultAccessDeniedHandlerFor(problems::forbidden, API_OR_DESCRIPTION));
		return http.build();
	}

	/**
	 * Remembers a page a browser asked for before signing in, so the login returns there;
	 * an API call is never remembered, so scripts get no session cookie.
	 */
	private static RequestCache browserPagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher((request) -> !API_OR_DESCRIPTION.matches(request) && !SCRIPT.matches(request));
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

	@Bean
	UserDetailsService userDetailsService(UserAccounts users) {
		return (username) -> users.signingIn(username)
			.orElseThrow(() -> new UsernameNotFoundException("No user named " + username));
	}

}
