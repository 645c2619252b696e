package com.successpilot.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, in the layout and the reader's language. The form posts to
 * {@code /login}, where Spring Security checks the password (throttled; see the security
 * module); a failed sign-in comes back here with {@code ?error}, a signed-out user with
 * {@code ?logout}, a sign-in paused after too many failed tries with
 * {@code ?throttled=<seconds>}.
 */
@Controller
class SignInPageController {

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			@RequestParam(required = false) Integer throttled, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled);
		model.addAttribute("signedOut", logout != null);
		return "signin";
	}

}
