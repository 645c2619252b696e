package com.successpilot.attention.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.attention.RunReviews;
import com.successpilot.run.RunLauncher;
import com.successpilot.security.SignedInUser;
import com.successpilot.system.NotFoundException;

/**
 * The runs the surge guard held for review (OPS): list them, release one (its mails go
 * out now) or discard it (no mail, its new tasks closed). Runs are named by execution id,
 * as everywhere in {@code /api/runs}.
 */
@Tag(name = "runs")
@RestController
@RequestMapping("/api/runs")
class RunReviewsController {

	private final RunReviews reviews;

	private final RunLauncher launcher;

	RunReviewsController(RunReviews reviews, RunLauncher launcher) {
		this.reviews = reviews;
		this.launcher = launcher;
	}

	@Operation(summary = "The runs held for review that nobody released or discarded yet")
	@GetMapping("/held")
	List<RunReviews.Review> held() {
		return this.reviews.awaitingDecision();
	}

	@Operation(summary = "Release a run held for review: its mails are sent now")
	@PostMapping("/{id}/release")
	RunReviews.Decided release(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.reviews.release(run(id), user.getUsername());
	}

	@Operation(summary = "Discard a run held for review: its mails are never sent, its new tasks are closed")
	@PostMapping("/{id}/discard")
	RunReviews.Decided discard(@PathVariable long id, @RequestBody(required = false) Map<String, String> body,
			@AuthenticationPrincipal SignedInUser user) {
		return this.reviews.discard(run(id), user.getUsername(), (body != null) ? body.get("reason") : null);
	}

	@ExceptionHandler(RunReviews.NotAwaitingDecisionException.class)
	ProblemDetail notHeld(RunReviews.NotAwaitingDecisionException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	private long run(long execution) {
		return this.launcher.execution(execution)
			.orElseThrow(() -> new NotFoundException("There is no run with execution id " + execution))
			.getJobInstance()
			.getInstanceId();
	}

}
