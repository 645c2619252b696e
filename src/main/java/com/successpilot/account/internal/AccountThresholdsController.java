package com.successpilot.account.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.account.internal.AccountThresholds.Effective;
import com.successpilot.ingest.AgreedThresholds;
import com.successpilot.ingest.AgreedThresholds.Agreed;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.ThresholdCatalogue;
import com.successpilot.security.SignedInUser;
import com.successpilot.system.NotFoundException;

/**
 * {@code /api/accounts/{id}/thresholds}: the value of every threshold an account is
 * judged against and where it comes from, and removing a value agreed with the customer
 * (OPS and ADMIN), after which the account is judged on its segment's default from the
 * next run on. A CSM reads only their own accounts' thresholds (another's is a 404).
 */
@Tag(name = "accounts")
@RestController
@RequestMapping("/api/accounts/{id}/thresholds")
class AccountThresholdsController {

	private final AccountQueries accounts;

	private final AccountThresholds thresholds;

	private final AgreedThresholds agreed;

	private final LiveRuleSet rules;

	private final Clock clock;

	AccountThresholdsController(AccountQueries accounts, AccountThresholds thresholds, AgreedThresholds agreed,
			LiveRuleSet rules, Clock clock) {
		this.accounts = accounts;
		this.thresholds = thresholds;
		this.agreed = agreed;
		this.rules = rules;
		this.clock = clock;
	}

	@Operation(operationId = "getAccountThresholds",
			summary = "Every threshold the account is judged against, with its source: agreed with the customer, "
					+ "the segment's default (feed) or the catalogue's default")
	@GetMapping
	Thresholds list(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		AccountSummary account = visible(user, id);
		return new Thresholds(id, account.externalId(), account.segment(),
				this.thresholds.of(id, account.segment(), catalogue()));
	}

	@Operation(operationId = "removeAccountThreshold",
			summary = "Remove the value agreed with the customer for one threshold (OPS, ADMIN); from the next run "
					+ "the account is judged on its segment's default")
	@DeleteMapping("/{name}")
	Removal remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String name) {
		AccountSummary account = visible(user, id);
		if (user.ownsOnly()) {
			throw new AccessDeniedException("Only OPS and ADMIN remove a value agreed with a customer");
		}
		Agreed removed = this.agreed.remove(id, name, user.getUsername(), "api")
			.orElseThrow(() -> new NotFoundException(
					"Account " + account.externalId() + " has no value agreed for threshold '" + name + "'"));
		Effective now = this.thresholds.of(id, account.segment(), catalogue())
			.stream()
			.filter((threshold) -> threshold.name().equals(name))
			.findFirst()
			.orElse(null);
		return new Removal(removed, user.getUsername(), LocalDateTime.now(this.clock), now);
	}

	private AccountSummary visible(SignedInUser user, long id) {
		return this.accounts.find(id, LocalDate.now(this.clock))
			.filter((found) -> user.mayWorkOn((found.csm() != null) ? found.csm().id() : null))
			.orElseThrow(() -> new NotFoundException("No account with id " + id));
	}

	private ThresholdCatalogue catalogue() {
		try {
			return this.rules.current().thresholds();
		}
		catch (InvalidRuleSetException ex) {
			return this.rules.status().liveSet().map(RuleSet::thresholds).orElse(ThresholdCatalogue.absent());
		}
	}

	/**
	 * An account's thresholds.
	 */
	record Thresholds(long accountId, String externalId, String segment, List<Effective> thresholds) {

	}

	/**
	 * What a removal removed, who removed it and when, and what applies from the next run
	 * on ({@code null} when nothing does: no segment or catalogue default).
	 */
	record Removal(Agreed removed, String removedBy, LocalDateTime removedAt, Effective nowApplies) {

	}

}
