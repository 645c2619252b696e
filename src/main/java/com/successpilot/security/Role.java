package com.successpilot.security;

/**
 * What a user may do. Roles nest: an ADMIN may do everything an OPS user may, and OPS
 * everything a CSM may, except that a CSM sees only the accounts they own.
 */
public enum Role {

	/**
	 * A customer success manager: sees and works the tasks of their own accounts.
	 */
	CSM,

	/**
	 * CS operations: every account and task, runs and rules.
	 */
	OPS,

	/**
	 * Administrators: everything OPS may, plus users.
	 */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	public static Role parse(String text) {
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(text.strip())) {
				return role;
			}
		}
		throw new IllegalArgumentException("Unknown role '" + text + "': use CSM, OPS or ADMIN");
	}

}
