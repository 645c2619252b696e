package com.successpilot.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.successpilot.system.NotFoundException;

/**
 * API tokens for scripts: {@code Authorization: Bearer sp_…}. A token acts as the user it
 * was issued to, with that user's role; only its SHA-256 hash is stored, so it is shown
 * once, when issued, and can be revoked.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "sp_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A token as its owner sees it in a list (never the token itself).
	 */
	public record TokenInfo(long id, String name, LocalDateTime createdAt, LocalDateTime lastUsedAt,
			LocalDateTime revokedAt) {

	}

	/**
	 * A token just issued: {@code token} is the secret to hand to the script.
	 */
	public record IssuedToken(long id, String name, String token) {

	}

	@Transactional
	public IssuedToken issue(long userId, String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("A token needs a name of 1-100 characters, e.g. the script using it");
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO api_tokens (user_id, token_hash, name, created_at)
				VALUES (:user, :hash, :name, :now)
				""")
			.param("user", userId)
			.param("hash", hash(token))
			.param("name", name.strip())
			.param("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
			.update(key, "id");
		return new IssuedToken(key.getKeyAs(Number.class).longValue(), name.strip(), token);
	}

	public List<TokenInfo> list(long userId) {
		return this.jdbc.sql("""
				SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens
				WHERE user_id = :user ORDER BY id
				""")
			.param("user", userId)
			.query((rs, row) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
					rs.getTimestamp("created_at").toLocalDateTime(), localDateTime(rs.getTimestamp("last_used_at")),
					localDateTime(rs.getTimestamp("revoked_at"))))
			.list();
	}

	/**
	 * Revokes one of the user's tokens; revoking twice is harmless.
	 */
	@Transactional
	public void revoke(long userId, long tokenId) {
		int found = this.jdbc.sql("""
				UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id AND user_id = :user
				""")
			.param("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
			.param("id", tokenId)
			.param("user", userId)
			.update();
		if (found == 0) {
			throw new NotFoundException("No token " + tokenId + " of yours");
		}
	}

	/**
	 * Revokes every live token of the user.
	 * @return how many were live
	 */
	@Transactional
	public int revokeAll(long userId) {
		return this.jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
			.param("now", Timestamp.valueOf(LocalDateTime.now(this.clock)))
			.param("user", userId)
			.update();
	}

	/**
	 * The enabled user a live token belongs to, noting when it was last used (to the
	 * minute: a script calling many times a second does not write a row each time).
	 */
	@Transactional
	public Optional<SignedInUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String hash = hash(token);
		Optional<SignedInUser> user = this.jdbc.sql("""
				SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.csm_id, u.enabled
				FROM api_tokens t JOIN users u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.enabled = TRUE
				""").param("hash", hash).query(UserAccounts::signedIn).optional();
		LocalDateTime now = LocalDateTime.now(this.clock);
		user.ifPresent((found) -> this.jdbc.sql("""
				UPDATE api_tokens SET last_used_at = :now
				WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :aMinuteAgo)
				""")
			.param("now", Timestamp.valueOf(now))
			.param("aMinuteAgo", Timestamp.valueOf(now.minusMinutes(1)))
			.param("hash", hash)
			.update());
		return user;
	}

	private static LocalDateTime localDateTime(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
