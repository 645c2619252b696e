package com.successpilot.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users the demo creates so a newcomer can try the server: an administrator, a CS ops
 * user and a user for each of the first CSMs. Each demo run gives them new passwords.
 */
@Service
public class DemoUsers {

	private static final int CSM_USERS = 2;

	private final UserAccounts users;

	private final JdbcClient jdbc;

	DemoUsers(UserAccounts users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	@Transactional
	public List<Credentials> createOrReset() {
		List<Credentials> credentials = new ArrayList<>();
		credentials.add(createOrReset("demo-admin", "Demo administrator", Role.ADMIN, null));
		credentials.add(createOrReset("demo-ops", "Demo CS operations", Role.OPS, null));
		this.jdbc.sql("SELECT email, name FROM csms ORDER BY id")
			.query((rs, row) -> new String[] { rs.getString("email"), rs.getString("name") })
			.list()
			.stream()
			.limit(CSM_USERS)
			.forEach((csm) -> credentials.add(createOrReset(csm[0], csm[1], Role.CSM, csm[0])));
		return credentials;
	}

	private Credentials createOrReset(String username, String name, Role role, String csmEmail) {
		if (this.users.find(username).isPresent()) {
			return this.users.resetPassword(username, null);
		}
		return this.users.create(new NewUser(username, name, role, csmEmail, null), "demo");
	}

}
