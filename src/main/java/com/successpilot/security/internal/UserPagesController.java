package com.successpilot.security.internal;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.successpilot.security.ApiTokens;
import com.successpilot.security.Credentials;
import com.successpilot.security.NewUser;
import com.successpilot.security.Role;
import com.successpilot.security.SignedInUser;
import com.successpilot.security.UserAccount;
import com.successpilot.security.UserAccounts;
import com.successpilot.system.InputProblem;
import com.successpilot.system.NotFoundException;
import com.successpilot.system.PageController;

/**
 * {@code /users} (ADMIN): the users with their roles, creating one, and per user the
 * role, enabling and disabling, a new password (generated, shown once, on the page that
 * set it) and their API tokens to revoke. The same checks as {@code /api/users}: an
 * administrator cannot disable or demote themselves, so the last administrator stays. Why
 * a change was refused is shown in the reader's language.
 */
@PageController
class UserPagesController {

	private final UserAccounts users;

	private final ApiTokens tokens;

	private final MessageSource messages;

	private final Clock clock;

	UserPagesController(UserAccounts users, ApiTokens tokens, MessageSource messages, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("zone", this.clock.getZone().getId());
		return "users/list";
	}

	@GetMapping("/users/{username}")
	String user(@PathVariable String username, Model model) {
		UserAccount user = existing(username);
		model.addAttribute("account", user);
		model.addAttribute("tokens", this.tokens.list(user.id()));
		model.addAttribute("roles", Role.values());
		model.addAttribute("zone", this.clock.getZone().getId());
		return "users/detail";
	}

	@PostMapping("/users")
	String create(@AuthenticationPrincipal SignedInUser admin, @RequestParam(required = false) String username,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String role,
			@RequestParam(required = false) String csmEmail, RedirectAttributes redirect) {
		try {
			Role chosen = (role == null || role.isBlank()) ? null : role(role);
			Credentials created = this.users
				.create(new NewUser(username, displayName, chosen, blankToNull(csmEmail), null), admin.getUsername());
			redirect.addFlashAttribute("credentials", created);
			redirect.addFlashAttribute("notice", word("users.created", created.username()));
			return "redirect:/users/" + path(created.username());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", word("users.problem.create", reason(ex)));
			redirect.addFlashAttribute("draft", new NewUser(username, displayName, null, csmEmail, null));
			return "redirect:/users";
		}
	}

	@PostMapping("/users/{username}/role")
	String role(@AuthenticationPrincipal SignedInUser admin, @PathVariable String username,
			@RequestParam(required = false) String role, @RequestParam(required = false) String csmEmail,
			RedirectAttributes redirect) {
		return change(username, redirect, () -> {
			Role chosen = role((role != null) ? role : "");
			if (isSelf(admin, username) && chosen != Role.ADMIN) {
				throw new IllegalArgumentException(word("users.problem.self"));
			}
			UserAccount changed = this.users.update(username, chosen, blankToNull(csmEmail), null);
			return word("users.roleChanged", changed.username(), word("userRole." + changed.role()));
		});
	}

	@PostMapping("/users/{username}/enabled")
	String enabled(@AuthenticationPrincipal SignedInUser admin, @PathVariable String username,
			@RequestParam boolean enabled, RedirectAttributes redirect) {
		return change(username, redirect, () -> {
			if (isSelf(admin, username) && !enabled) {
				throw new IllegalArgumentException(word("users.problem.self"));
			}
			UserAccount changed = this.users.update(username, null, null, enabled);
			return word(changed.enabled() ? "users.enabledNow" : "users.disabledNow", changed.username());
		});
	}

	@PostMapping("/users/{username}/password")
	String password(@PathVariable String username, RedirectAttributes redirect) {
		return change(username, redirect, () -> {
			Credentials reset = this.users.resetPassword(username, null);
			redirect.addFlashAttribute("credentials", reset);
			return word("users.passwordReset", reset.username());
		});
	}

	@PostMapping("/users/{username}/tokens/{id}/revoke")
	String revoke(@PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
		return change(username, redirect, () -> {
			this.tokens.revoke(existing(username).id(), id);
			return word("users.tokenRevoked", String.valueOf(id));
		});
	}

	private String change(String username, RedirectAttributes redirect, Supplier<String> action) {
		existing(username);
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", reason(ex));
		}
		return "redirect:/users/" + path(username);
	}

	/**
	 * Why {@link UserAccounts} refused, in the reader's language.
	 */
	private String reason(RuntimeException ex) {
		if (ex instanceof InputProblem problem) {
			return word(problem.key(), problem.arguments());
		}
		if (ex instanceof UserAccounts.UsernameTaken taken) {
			return word("users.problem.taken", taken.username());
		}
		return ex.getMessage();
	}

	private static Role role(String text) {
		try {
			return Role.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InputProblem("problem.user.unknown-role", text);
		}
	}

	private UserAccount existing(String username) {
		return this.users.find(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
	}

	private static boolean isSelf(SignedInUser admin, String username) {
		return admin.getUsername().equalsIgnoreCase(username.strip());
	}

	private static String path(String username) {
		return UriUtils.encodePathSegment(username, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
