/**
 * Users and what they may do: users with one role each (CSM, OPS, ADMIN) and a hashed
 * password, API tokens for scripts, the signed-in user behind every API request, the
 * {@code create-user} / {@code create-token} commands and the users API (ADMIN).
 * <p>
 * Owns the {@code users} and {@code api_tokens} tables.
 */
package com.successpilot.security;
