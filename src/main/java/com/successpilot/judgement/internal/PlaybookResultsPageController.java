package com.successpilot.judgement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.successpilot.playbook.Playbook;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.system.PageController;

/**
 * The playbook results page (OPS only; the result review): per playbook and rules version
 * over the last 30 or 90 days, what was raised, delivered, done, dismissed (with the
 * reasons) and recovered, and the median time to done — the weakest recovery first, so CS
 * ops see which playbook to tune or retire.
 */
@PageController
class PlaybookResultsPageController {

	static final List<Integer> PERIODS = List.of(30, 90);

	static final List<Integer> RECOVERY_WINDOWS = List.of(7, 14, 30);

	private final PlaybookResults results;

	private final LiveRuleSet liveRuleSet;

	private final MessageSource messages;

	private final Clock clock;

	PlaybookResultsPageController(PlaybookResults results, LiveRuleSet liveRuleSet, MessageSource messages,
			Clock clock) {
		this.results = results;
		this.liveRuleSet = liveRuleSet;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/results")
	String results(@RequestParam(required = false) String days, @RequestParam(required = false) String within,
			Model model, HttpServletResponse response) {
		int period = choice("days", days, PERIODS, 30, model);
		int recovery = choice("within", within, RECOVERY_WINDOWS, 14, model);
		if (model.containsAttribute("problem")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate since = today.minusDays(period);
		model.addAttribute("days", period);
		model.addAttribute("within", recovery);
		model.addAttribute("since", since);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("windows", RECOVERY_WINDOWS);
		Map<String, String> dedup = dedupPeriods();
		Set<String> neverAgain = dedup.entrySet()
			.stream()
			.filter((entry) -> "NONE".equals(entry.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		model.addAttribute("results", this.results.since(since, recovery, LocalDateTime.now(this.clock), neverAgain));
		model.addAttribute("dedup", dedup);
		return "results/list";
	}

	private int choice(String parameter, String value, List<Integer> allowed, int otherwise, Model model) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			int asked = Integer.parseInt(value.trim());
			if (allowed.contains(asked)) {
				return asked;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		model.addAttribute("problem", this.messages.getMessage("results.badChoice",
				new Object[] { parameter, value, allowed }, LocaleContextHolder.getLocale()));
		return otherwise;
	}

	/**
	 * The deduplication period of each playbook in force: a playbook that never raises
	 * twice for an account ({@code NONE}) cannot show recovery by not raising again.
	 */
	private Map<String, String> dedupPeriods() {
		Map<String, String> periods = new LinkedHashMap<>();
		try {
			for (Playbook playbook : this.liveRuleSet.current().playbooks().all()) {
				periods.put(playbook.name(), playbook.dedup().name());
			}
		}
		catch (InvalidRuleSetException ex) {
			// no set in force: the page shows no periods
		}
		return periods;
	}

}
