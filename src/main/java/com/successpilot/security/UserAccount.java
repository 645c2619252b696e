package com.successpilot.security;

import java.time.LocalDateTime;

/**
 * A user as administrators see it (never with the password hash).
 *
 * @param csmEmail the email of the CSM this user is, for CSM users
 */
public record UserAccount(long id, String username, String displayName, Role role, Long csmId, String csmEmail,
		boolean enabled, LocalDateTime createdAt, String createdBy) {

}
