package com.successpilot.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import com.successpilot.security.SignInProperties;
import com.successpilot.security.SignedInUser;
import com.successpilot.security.UserAccounts;

/**
 * Checks a username and password (form login and HTTP Basic) without letting the bcrypt
 * check run at line rate:
 * <ol>
 * <li>a check that succeeded within {@code successpilot.sign-in.basic-check-ttl} is
 * remembered under a salted SHA-256 of the username and password, so a script sending the
 * same credentials with every request costs one bcrypt check per period (the memory ends
 * early when the user's session version moves: disabled, role changed, password reset,
 * signed out everywhere);</li>
 * <li>otherwise a locked username or address is refused at once (429, see
 * {@link SignInThrottle});</li>
 * <li>otherwise the password is checked against its bcrypt hash, and a wrong one
 * counted.</li>
 * </ol>
 * The authentication carries the user's session version ({@link SignInStamp}), which a
 * browser session keeps to notice later changes.
 */
@Component
class PasswordCheck implements AuthenticationProvider {

	private static final int MAX_REMEMBERED = 10_000;

	private final byte[] salt = new byte[32];

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	private final DaoAuthenticationProvider passwords;

	private final UserAccounts users;

	private final SignInThrottle throttle;

	private final SignInProperties settings;

	private final Clock clock;

	PasswordCheck(UserAccounts users, PasswordEncoder encoder, SignInThrottle throttle, SignInProperties settings,
			Clock clock) {
		new SecureRandom().nextBytes(this.salt);
		this.passwords = new DaoAuthenticationProvider((username) -> users.signingIn(username)
			.orElseThrow(() -> new UsernameNotFoundException("No user named " + username)));
		this.passwords.setPasswordEncoder(encoder);
		this.users = users;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails web) ? web.getRemoteAddress()
				: null;
		String key = key(username, password);
		Instant now = this.clock.instant();
		Remembered known = this.remembered.get(key);
		if (known != null) {
			Optional<Integer> version = this.users.sessionVersion(known.user().id());
			if (known.until().isAfter(now) && version.isPresent() && version.get() == known.version()) {
				return signedIn(known.user(), address, known.version());
			}
			this.remembered.remove(key);
		}
		this.throttle.check(username, address);
		Optional<Integer> version = this.users.sessionVersion(username);
		Authentication checked;
		try {
			checked = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
		this.throttle.succeeded(username);
		SignedInUser user = (SignedInUser) checked.getPrincipal();
		int atVersion = version.orElse(-1);
		remember(key, user, atVersion, now);
		return signedIn(user, address, atVersion);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void remember(String key, SignedInUser user, int version, Instant now) {
		if (this.settings.basicCheckTtl().isZero() || this.settings.basicCheckTtl().isNegative()) {
			return;
		}
		if (this.remembered.size() >= MAX_REMEMBERED) {
			this.remembered.values().removeIf((r) -> !r.until().isAfter(now));
			if (this.remembered.size() >= MAX_REMEMBERED) {
				this.remembered.clear();
			}
		}
		this.remembered.put(key, new Remembered(user, version, now.plus(this.settings.basicCheckTtl())));
	}

	private static Authentication signedIn(SignedInUser user, String address, int version) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		token.setDetails(new SignInStamp(address, version));
		return token;
	}

	private String key(String username, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.salt);
			sha.update(username.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Remembered(SignedInUser user, int version, Instant until) {

	}

}
