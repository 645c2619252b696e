package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.successpilot.account.internal.AccountHistoryQueries.Goal;
import com.successpilot.account.internal.AccountThresholds.Effective;
import com.successpilot.metrics.LatestFacts;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.ThresholdCatalogue;
import com.successpilot.security.SignedInUser;
import com.successpilot.system.NotFoundException;
import com.successpilot.system.PageController;
import com.successpilot.task.AccountTasks;

/**
 * {@code /accounts/{id}}, the account 360: health with its outcome and experience sides
 * over the stored history and what drags it down, contracts and renewal, the latest facts
 * and every threshold with where its value comes from, the success plan's goals and
 * periods, NPS answers, tickets, and all the account's tasks with what was done to them.
 * Another CSM's account is the 404 page, as a missing one is.
 */
@PageController
class AccountPageController {

	/**
	 * Facts that name the account rather than measure it: shown elsewhere on the page.
	 */
	private static final List<String> NOT_SHOWN = List.of("accountId", "accountName", "segment", "industry",
			"lifecycleStage", "csmEmail", "csmName", "csmLanguage", "latestNpsResponseId", "latestEscalationTicketId");

	private final AccountQueries accounts;

	private final AccountHistoryQueries history;

	private final AccountThresholds thresholds;

	private final LatestFacts latestFacts;

	private final AccountTasks tasks;

	private final LiveRuleSet rules;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final Clock clock;

	AccountPageController(AccountQueries accounts, AccountHistoryQueries history, AccountThresholds thresholds,
			LatestFacts latestFacts, AccountTasks tasks, LiveRuleSet rules, MessageSource messages, ObjectMapper json,
			Clock clock) {
		this.accounts = accounts;
		this.history = history;
		this.thresholds = thresholds;
		this.latestFacts = latestFacts;
		this.tasks = tasks;
		this.rules = rules;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/accounts/{id}")
	String account(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		AccountSummary account = this.accounts.find(id, today)
			.filter((found) -> user.mayWorkOn((found.csm() != null) ? found.csm().id() : null))
			.orElseThrow(() -> new NotFoundException("No account with id " + id));
		Locale locale = LocaleContextHolder.getLocale();
		List<Health> health = this.accounts.healthHistory(id, 365);
		List<Goal> goals = this.history.goals(id);
		model.addAttribute("account", account);
		model.addAttribute("today", today);
		model.addAttribute("health", health);
		model.addAttribute("healthChart", AccountCharts.health(health));
		model.addAttribute("contracts", this.accounts.contracts(id));
		model.addAttribute("facts", facts(id, locale));
		model.addAttribute("thresholds", thresholds(id, account.segment(), locale));
		model.addAttribute("goals", goals);
		model.addAttribute("goalCharts", goals.stream().map(AccountCharts::goal).toList());
		model.addAttribute("nps", this.history.nps(id, 20));
		model.addAttribute("tickets", this.history.tickets(id, 20));
		model.addAttribute("tasks", this.tasks.of(id, 500));
		model.addAttribute("events", this.history.taskEvents(id));
		return "accounts/account";
	}

	/**
	 * {@code /accounts/abc}: no such account (an unknown id is answered by
	 * {@code PageErrors}).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badId(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error/4xx";
	}

	/**
	 * The latest facts as a CSM reads them: each with its label in the reader's language
	 * (as on a task's page), by field name.
	 */
	private List<Line> facts(long id, Locale locale) {
		List<Line> lines = new ArrayList<>();
		this.latestFacts.of(id).ifPresent((facts) -> {
			Map<String, Object> values = this.json.convertValue(facts, Map.class);
			values.forEach((name, value) -> {
				if (value != null && !NOT_SHOWN.contains(name)) {
					lines.add(new Line(label("fact." + name, name, locale), shown(value, locale), null));
				}
			});
		});
		return lines;
	}

	private List<Line> thresholds(long id, String segment, Locale locale) {
		return this.thresholds.of(id, segment, catalogue())
			.stream()
			.map((threshold) -> new Line(label("threshold." + threshold.name(), threshold.name(), locale),
					shown(threshold.value(), locale), provenance(threshold, locale)))
			.toList();
	}

	private String provenance(Effective threshold, Locale locale) {
		return switch (threshold.source()) {
			case "account" -> {
				String on = (threshold.agreedOn() != null) ? threshold.agreedOn().toString() : null;
				String note = threshold.note();
				String key = (on != null && note != null) ? "threshold.agreed"
						: (on != null) ? "threshold.agreed.noNote"
								: (note != null) ? "threshold.agreed.noDate" : "threshold.agreed.unknown";
				yield this.messages.getMessage(key, new Object[] { on, note }, locale);
			}
			case "segment" ->
				this.messages.getMessage("threshold.segment", new Object[] { threshold.segment() }, locale);
			default ->
				this.messages.getMessage("account.threshold.catalogue", new Object[] { threshold.segment() }, locale);
		};
	}

	private ThresholdCatalogue catalogue() {
		try {
			return this.rules.current().thresholds();
		}
		catch (InvalidRuleSetException ex) {
			return this.rules.status().liveSet().map(RuleSet::thresholds).orElse(ThresholdCatalogue.absent());
		}
	}

	private String label(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	private String shown(Object value, Locale locale) {
		if (value instanceof Boolean flag) {
			return this.messages.getMessage(flag ? "account.yes" : "account.no", null, locale);
		}
		if (value instanceof Number number) {
			double d = number.doubleValue();
			return (d == Math.rint(d)) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 10) / 10.0);
		}
		return String.valueOf(value);
	}

	/**
	 * A fact or threshold on the page.
	 *
	 * @param provenance where a threshold's value comes from, {@code null} for a fact
	 */
	record Line(String label, String value, String provenance) {

	}

}
