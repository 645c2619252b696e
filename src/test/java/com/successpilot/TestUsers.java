package com.successpilot;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.successpilot.security.Credentials;
import com.successpilot.security.NewUser;
import com.successpilot.security.Role;
import com.successpilot.security.UserAccounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Real users in the test database, signed in over HTTP Basic exactly as a script would.
 * Create the CSMs first (a CSM user is linked to a {@code csms} row by email).
 */
public final class TestUsers {

	private final UserAccounts users;

	private final JdbcTemplate jdbc;

	public TestUsers(UserAccounts users, JdbcTemplate jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a CSM (as the CSM feed would) and returns its id.
	 */
	public long csm(String email, String name) {
		this.jdbc.update("INSERT INTO csms (email, name) VALUES (?, ?)", email, name);
		return this.jdbc.queryForObject("SELECT id FROM csms WHERE email = ?", Long.class, email);
	}

	public SignIn admin() {
		return create(Role.ADMIN, null);
	}

	public SignIn ops() {
		return create(Role.OPS, null);
	}

	/**
	 * A CSM user for the CSM with this email (which must exist).
	 */
	public SignIn csmUser(String csmEmail) {
		return create(Role.CSM, csmEmail);
	}

	public SignIn create(Role role, String csmEmail) {
		String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		Credentials credentials = this.users.create(new NewUser(username, null, role, csmEmail, null), "test");
		return new SignIn(credentials.username(), credentials.password(), role);
	}

	/**
	 * A user's credentials; {@link #basic()} signs a MockMvc request in with them.
	 */
	public record SignIn(String username, String password, Role role) {

		public RequestPostProcessor basic() {
			return httpBasic(this.username, this.password);
		}

	}

}
