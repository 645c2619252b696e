package com.successpilot.attention.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.successpilot.attention.RunReviews;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.SignedInUser;
import com.successpilot.system.NotFoundException;
import com.successpilot.system.PageController;

/**
 * The runs pages' part about the surge guard (OPS): the runs held for review, and the
 * buttons on a run's page that release it (its mails go out now) or discard it with a
 * reason (no mail, the tasks it created closed). Runs are named by execution id, as on
 * {@code /runs/{id}}.
 */
@PageController
class RunReviewPagesController {

	private final RunReviews reviews;

	private final RunLauncher launcher;

	private final MessageSource messages;

	RunReviewPagesController(RunReviews reviews, RunLauncher launcher, MessageSource messages) {
		this.reviews = reviews;
		this.launcher = launcher;
		this.messages = messages;
	}

	@GetMapping("/runs/held")
	String held(Model model) {
		model.addAttribute("held", this.reviews.awaitingDecision());
		return "runs/held";
	}

	@PostMapping("/runs/{id}/release")
	String release(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		try {
			RunReviews.Decided decided = this.reviews.release(run(id), user.getUsername());
			redirect.addFlashAttribute("notice", word("runs.guard.released", decided.mails(), decided.mailsSent()));
		}
		catch (RunReviews.NotAwaitingDecisionException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/runs/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("problem", word("runs.guard.reasonRequired"));
			return "redirect:/runs/" + id;
		}
		try {
			RunReviews.Decided decided = this.reviews.discard(run(id), user.getUsername(), reason);
			redirect.addFlashAttribute("notice", word("runs.guard.discarded", decided.mails(), decided.tasksClosed()));
		}
		catch (RunReviews.NotAwaitingDecisionException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	private long run(long execution) {
		return this.launcher.execution(execution)
			.orElseThrow(() -> new NotFoundException("There is no run with execution id " + execution))
			.getJobInstance()
			.getInstanceId();
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
