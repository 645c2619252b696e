package com.successpilot.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The user behind a request, however they signed in (session, HTTP Basic or API token).
 * Controllers take it as {@code @AuthenticationPrincipal SignedInUser user} and scope
 * what they show with {@link #ownsOnly()} and {@link #csmId()}.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final Long csmId;

	private final boolean enabled;

	private String passwordHash;

	public SignedInUser(long id, String username, String displayName, Role role, Long csmId, boolean enabled,
			String passwordHash) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.csmId = csmId;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	/**
	 * The CSM (row of {@code csms}) this user is, or {@code null} for OPS and ADMIN
	 * users.
	 */
	public Long csmId() {
		return this.csmId;
	}

	/**
	 * Whether this user may see only the accounts they own (CSM users).
	 */
	public boolean ownsOnly() {
		return this.role == Role.CSM;
	}

	/**
	 * Whether this user may see and change the account owned by the given CSM.
	 */
	public boolean mayWorkOn(Long ownerCsmId) {
		return !ownsOnly() || (this.csmId != null && this.csmId.equals(ownerCsmId));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SignedInUser user) && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return this.username + " (" + this.role + ")";
	}

}
