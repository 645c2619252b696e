package com.successpilot.security;

/**
 * A username with the password just set for it, shown once to the person who created it.
 */
public record Credentials(String username, Role role, String password) {

}
