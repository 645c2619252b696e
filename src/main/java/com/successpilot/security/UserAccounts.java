package com.successpilot.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.successpilot.system.InputProblem;
import com.successpilot.system.NotFoundException;

/**
 * The users of the server: created by an administrator (or the {@code create-user}
 * command), each with one {@link Role} and a password stored only as a hash. Usernames
 * are unique regardless of case, and found regardless of case.
 * <p>
 * Each user has a session version, raised whenever their access changes (disabled or
 * enabled, role or CSM changed, password reset, signed out everywhere): a browser session
 * or a remembered HTTP Basic check made at an older version ends on its next request.
 * <p>
 * A change refused for bad input is an {@link InputProblem} (a message key, shown in the
 * reader's language on the pages and the API, in English on the command line); a name
 * already taken is a {@link UsernameTaken}.
 */
@Service
public class UserAccounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{2,100}");

	private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int MINIMUM_PASSWORD_LENGTH = 12;

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.csm_id, c.email AS csm_email,
			  u.enabled, u.created_at, u.created_by
			FROM users u LEFT JOIN csms c ON c.id = u.csm_id
			""";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Creates a user, generating a password when none is given.
	 * @param createdBy who creates it (a username, or "command line")
	 * @return the username and the password, to be handed to the new user
	 */
	@Transactional
	public Credentials create(NewUser user, String createdBy) {
		String username = (user.username() != null) ? user.username().strip() : "";
		if (!USERNAME.matcher(username).matches()) {
			throw new InputProblem("problem.user.username", username);
		}
		if (user.role() == null) {
			throw new InputProblem("problem.user.role-needed");
		}
		Long csmId = csmFor(user.role(), user.csmEmail());
		String password = checkedOrGenerated(user.password());
		String displayName = (user.displayName() == null || user.displayName().isBlank()) ? username
				: user.displayName().strip();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(this.clock));
		try {
			this.jdbc.sql("""
					INSERT INTO users (username, username_key, display_name, password_hash, role, csm_id, enabled,
					  created_at, created_by, updated_at)
					VALUES (:username, :key, :displayName, :hash, :role, :csmId, TRUE, :now, :createdBy, :now)
					""")
				.param("username", username)
				.param("key", key(username))
				.param("displayName", displayName)
				.param("hash", this.passwords.encode(password))
				.param("role", user.role().name())
				.param("csmId", csmId)
				.param("now", now)
				.param("createdBy", createdBy)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new UsernameTaken(username);
		}
		return new Credentials(username, user.role(), password);
	}

	/**
	 * Sets a new password (generated when {@code password} is null).
	 */
	@Transactional
	public Credentials resetPassword(String username, String password) {
		UserAccount user = find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
		String newPassword = checkedOrGenerated(password);
		this.jdbc.sql("""
				UPDATE users SET password_hash = :hash, session_version = session_version + 1, updated_at = :now
				WHERE id = :id
				""")
			.param("hash", this.passwords.encode(newPassword))
			.param("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
			.param("id", user.id())
			.update();
		return new Credentials(user.username(), user.role(), newPassword);
	}

	/**
	 * Changes a user's role (and CSM link) or enables/disables them. A disabled user can
	 * no longer sign in, by password or by token, and their sessions end; after a role
	 * change they sign in again to act in the new role.
	 */
	@Transactional
	public UserAccount update(String username, Role role, String csmEmail, Boolean enabled) {
		UserAccount user = find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
		Role newRole = (role != null) ? role : user.role();
		String newCsmEmail = (csmEmail != null) ? csmEmail : ((role == null) ? user.csmEmail() : null);
		Long csmId = csmFor(newRole, newCsmEmail);
		this.jdbc.sql("""
				UPDATE users SET role = :role, csm_id = :csmId, enabled = :enabled,
				  session_version = session_version + 1, updated_at = :now
				WHERE id = :id
				""")
			.param("role", newRole.name())
			.param("csmId", csmId)
			.param("enabled", (enabled != null) ? enabled : user.enabled())
			.param("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
			.param("id", user.id())
			.update();
		return find(username).orElseThrow();
	}

	/**
	 * Ends every session of the user and every remembered HTTP Basic check: the next
	 * request of each signs in again.
	 */
	@Transactional
	public UserAccount signOutEverywhere(String username) {
		UserAccount user = find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
		this.jdbc.sql("UPDATE users SET session_version = session_version + 1, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
			.param("id", user.id())
			.update();
		return user;
	}

	/**
	 * The session version of an enabled user; empty when the user is disabled or gone.
	 */
	public Optional<Integer> sessionVersion(long userId) {
		return this.jdbc.sql("SELECT session_version FROM users WHERE id = :id AND enabled = TRUE")
			.param("id", userId)
			.query(Integer.class)
			.optional();
	}

	/**
	 * The session version of an enabled user, by name (any case).
	 */
	public Optional<Integer> sessionVersion(String username) {
		return this.jdbc.sql("SELECT session_version FROM users WHERE username_key = :key AND enabled = TRUE")
			.param("key", key(username))
			.query(Integer.class)
			.optional();
	}

	public Optional<UserAccount> find(String username) {
		return this.jdbc.sql(SELECT + " WHERE u.username_key = :key")
			.param("key", key(username))
			.query(UserAccounts::account)
			.optional();
	}

	public List<UserAccount> list() {
		return this.jdbc.sql(SELECT + " ORDER BY u.username").query(UserAccounts::account).list();
	}

	/**
	 * The user signing in, with the password hash to check against.
	 */
	public Optional<SignedInUser> signingIn(String username) {
		return this.jdbc.sql(SELECT + " WHERE u.username_key = :key")
			.param("key", key(username))
			.query(UserAccounts::signedIn)
			.optional();
	}

	/**
	 * A username as compared: without surrounding blanks, in lower case.
	 */
	static String key(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	static SignedInUser signedIn(ResultSet rs, int row) throws SQLException {
		return new SignedInUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), nullableLong(rs, "csm_id"), rs.getBoolean("enabled"),
				rs.getString("password_hash"));
	}

	private static UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), nullableLong(rs, "csm_id"), rs.getString("csm_email"),
				rs.getBoolean("enabled"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("created_by"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private Long csmFor(Role role, String csmEmail) {
		boolean given = csmEmail != null && !csmEmail.isBlank();
		if (role != Role.CSM) {
			if (given) {
				throw new InputProblem("problem.user.csm-only-for-csm", role);
			}
			return null;
		}
		if (!given) {
			throw new InputProblem("problem.user.csm-needed");
		}
		return this.jdbc.sql("SELECT id FROM csms WHERE email = :email")
			.param("email", csmEmail.strip())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InputProblem("problem.user.no-such-csm", csmEmail));
	}

	private String checkedOrGenerated(String password) {
		if (password == null) {
			return generatePassword();
		}
		if (password.length() < MINIMUM_PASSWORD_LENGTH) {
			throw new InputProblem("problem.user.short-password", MINIMUM_PASSWORD_LENGTH);
		}
		return password;
	}

	private String generatePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET.charAt(this.random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	/**
	 * A user with this name (in any case) exists already: a conflict, not bad input.
	 */
	public static final class UsernameTaken extends IllegalStateException {

		private final String username;

		UsernameTaken(String username) {
			super("A user named '" + username + "' already exists");
			this.username = username;
		}

		public String username() {
			return this.username;
		}

	}

}
