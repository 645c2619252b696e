package com.successpilot.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.security.ApiTokens;
import com.successpilot.security.ApiTokens.IssuedToken;
import com.successpilot.security.ApiTokens.TokenInfo;
import com.successpilot.security.Role;
import com.successpilot.security.SignedInUser;

/**
 * {@code /api/me}: who the caller is (and, for a browser session, the CSRF token to send
 * with changes), and the caller's own API tokens.
 */
@Tag(name = "me", description = "The signed-in user and their API tokens.")
@RestController
@RequestMapping("/api/me")
class MeController {

	private final ApiTokens tokens;

	private final MessageSource messages;

	MeController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	record Me(long id, String username, String displayName, Role role, Long csmId, Csrf csrf) {

	}

	record Csrf(String headerName, String token) {

	}

	record NewToken(String name) {

	}

	@Operation(summary = "Who am I (and, for a browser session, the CSRF token to send with changes)")
	@GetMapping
	Me me(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new Me(user.id(), user.getUsername(), user.displayName(), user.role(), user.csmId(),
				(csrf != null) ? new Csrf(csrf.getHeaderName(), csrf.getToken()) : null);
	}

	@Operation(summary = "My API tokens (never the tokens themselves)")
	@GetMapping("/tokens")
	List<TokenInfo> tokens(@AuthenticationPrincipal SignedInUser user) {
		return this.tokens.list(user.id());
	}

	@Operation(summary = "Issue an API token acting as me; the token is returned once. "
			+ "Only a password sign-in (session or HTTP Basic) may: a token cannot issue tokens (403).")
	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issue(@AuthenticationPrincipal SignedInUser user, Authentication authentication,
			@RequestBody NewToken token) {
		if (authentication instanceof ApiTokenAuthentication) {
			throw new TokenCannotIssueTokens();
		}
		return this.tokens.issue(user.id(), token.name());
	}

	/**
	 * A token that could mint tokens would outlive its own revocation.
	 */
	@ExceptionHandler(TokenCannotIssueTokens.class)
	ProblemDetail tokenCannotIssueTokens(HttpServletRequest request) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				this.messages.getMessage("problem.token-cannot-issue-tokens", null, request.getLocale()));
	}

	private static final class TokenCannotIssueTokens extends RuntimeException {

	}

	@Operation(summary = "Revoke one of my API tokens")
	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		this.tokens.revoke(user.id(), id);
	}

}
