package com.successpilot.account.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.metrics.LatestFacts;
import com.successpilot.security.SignedInUser;
import com.successpilot.system.NotFoundException;
import com.successpilot.system.Page;
import com.successpilot.system.Paging;
import com.successpilot.task.AccountTasks;

/**
 * {@code /api/accounts}: the portfolio, filtered by CSM, segment, health grade, renewal
 * window and name, and one account in detail. A CSM sees only their own accounts: in a
 * list the others are simply absent, and asking for one by id is a 404 — the same answer
 * as for an account that does not exist.
 */
@Tag(name = "accounts", description = "The portfolio and one account in detail. A CSM: only the accounts they own.")
@RestController
@RequestMapping("/api/accounts")
class AccountsController {

	private static final int DEFAULT_SIZE = 50;

	private static final int MAX_SIZE = 500;

	private final AccountQueries accounts;

	private final LatestFacts latestFacts;

	private final AccountTasks tasks;

	private final Clock clock;

	private final HealthGrades grades;

	AccountsController(AccountQueries accounts, LatestFacts latestFacts, AccountTasks tasks, Clock clock,
			HealthGrades grades) {
		this.accounts = accounts;
		this.latestFacts = latestFacts;
		this.tasks = tasks;
		this.clock = clock;
		this.grades = grades;
	}

	@Operation(operationId = "listAccounts",
			summary = "List accounts, filtered by CSM, segment, health grade, renewal window or name")
	@GetMapping
	Page<AccountSummary> list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String csm,
			@RequestParam(required = false) String segment, @RequestParam(required = false) String grade,
			@RequestParam(required = false) Integer renewalWithinDays,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		AccountFilter filter = AccountFilter.of(csm, segment, this.grades.check(grade), renewalWithinDays,
				asOfOrToday(asOf), q, user);
		return this.accounts.list(filter, Paging.of(page, size, DEFAULT_SIZE, MAX_SIZE));
	}

	@Operation(operationId = "getAccount",
			summary = "One account with its contracts, latest facts, health history and tasks")
	@GetMapping("/{id}")
	AccountDetail get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer healthLimit, @RequestParam(required = false) Integer taskLimit) {
		int health = limit("healthLimit", healthLimit, 90, 3650);
		int taskCount = limit("taskLimit", taskLimit, 50, 500);
		LocalDate reference = asOfOrToday(asOf);
		AccountSummary account = this.accounts.find(id, reference)
			.filter((found) -> user.mayWorkOn((found.csm() != null) ? found.csm().id() : null))
			.orElseThrow(() -> new NotFoundException("No account with id " + id));
		return new AccountDetail(account, reference, this.accounts.contracts(id), this.latestFacts.of(id).orElse(null),
				this.accounts.healthHistory(id, health), this.tasks.of(id, taskCount));
	}

	private LocalDate asOfOrToday(LocalDate asOf) {
		return (asOf != null) ? asOf : LocalDate.now(this.clock);
	}

	private static int limit(String parameter, Integer value, int defaultValue, int max) {
		int checked = (value != null) ? value : defaultValue;
		if (checked < 1 || checked > max) {
			throw new IllegalArgumentException(
					"Parameter '" + parameter + "' must be between 1 and " + max + " (got " + checked + ")");
		}
		return checked;
	}

}
