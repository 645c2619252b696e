package com.successpilot.security.internal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import com.successpilot.security.SignedInUser;

/**
 * A request signed in with an API token (not a password): what it may not do (issue
 * tokens) is told apart by this type.
 */
class ApiTokenAuthentication extends UsernamePasswordAuthenticationToken {

	ApiTokenAuthentication(SignedInUser user) {
		super(user, null, user.getAuthorities());
	}

}
