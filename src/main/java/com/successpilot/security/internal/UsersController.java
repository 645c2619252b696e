package com.successpilot.security.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.security.ApiTokens;
import com.successpilot.security.Credentials;
import com.successpilot.security.NewUser;
import com.successpilot.security.Role;
import com.successpilot.security.SignedInUser;
import com.successpilot.security.UserAccount;
import com.successpilot.security.UserAccounts;
import com.successpilot.system.NotFoundException;

/**
 * {@code /api/users} (ADMIN only): list, create, change role or enable/disable, reset a
 * password, sign out everywhere. A generated password is returned once, in the response
 * that set it. Each change but creation ends the user's sessions on their next request.
 */
@Tag(name = "users", description = "Users and their roles (ADMIN). A generated password is returned once.")
@RestController
@RequestMapping("/api/users")
class UsersController {

	private final UserAccounts users;

	private final ApiTokens tokens;

	UsersController(UserAccounts users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	record UserChange(String role, String csmEmail, Boolean enabled) {

	}

	record PasswordReset(String password) {

	}

	record SignOut(Boolean revokeTokens) {

	}

	record SignedOut(String username, int tokensRevoked) {

	}

	@Operation(operationId = "listUsers", summary = "List users")
	@GetMapping
	List<UserAccount> list() {
		return this.users.list();
	}

	@Operation(operationId = "getUser", summary = "One user")
	@GetMapping("/{username}")
	UserAccount get(@PathVariable String username) {
		return this.users.find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
	}

	@Operation(summary = "Create a user; without a password one is generated and returned once")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Credentials create(@AuthenticationPrincipal SignedInUser admin, @RequestBody NewUser user) {
		return this.users.create(user, admin.getUsername());
	}

	@Operation(summary = "Change a user's role or CSM, or disable or enable them")
	@PatchMapping("/{username}")
	UserAccount change(@AuthenticationPrincipal SignedInUser admin, @PathVariable String username,
			@RequestBody UserChange change) {
		if (admin.getUsername().equalsIgnoreCase(username.strip()) && (Boolean.FALSE.equals(change.enabled())
				|| (change.role() != null && Role.parse(change.role()) != Role.ADMIN))) {
			throw new IllegalArgumentException("You cannot disable or demote yourself; ask another administrator");
		}
		return this.users.update(username, (change.role() != null) ? Role.parse(change.role()) : null,
				change.csmEmail(), change.enabled());
	}

	@Operation(summary = "Give a user a new password (generated unless given), returned once")
	@PostMapping("/{username}/password")
	Credentials resetPassword(@PathVariable String username, @RequestBody(required = false) PasswordReset reset) {
		return this.users.resetPassword(username, (reset != null) ? reset.password() : null);
	}

	@Operation(summary = "Sign a user out everywhere: every browser session ends on its next request; "
			+ "with revokeTokens also every API token of theirs")
	@PostMapping("/{username}/sign-out")
	SignedOut signOutEverywhere(@PathVariable String username, @RequestBody(required = false) SignOut signOut) {
		UserAccount user = this.users.signOutEverywhere(username);
		int revoked = (signOut != null && Boolean.TRUE.equals(signOut.revokeTokens()))
				? this.tokens.revokeAll(user.id()) : 0;
		return new SignedOut(user.username(), revoked);
	}

}
