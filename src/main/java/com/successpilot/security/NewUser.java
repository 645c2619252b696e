package com.successpilot.security;

/**
 * What it takes to create a user.
 *
 * @param displayName the name shown in the app; the username when blank
 * @param csmEmail for CSM users: the email of the CSM (in the CSM feed) whose accounts
 * they own
 * @param password the password to set, or {@code null} to generate one
 */
public record NewUser(String username, String displayName, Role role, String csmEmail, String password) {

}
