package com.successpilot.rules.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.PlaybookResponse;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.Scenario;
import com.successpilot.rules.ScenarioResult;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.HealthScore;
import com.successpilot.rules.facts.Threshold;

/**
 * A scenario read from YAML: the account (over the defaults), its goals, thresholds
 * agreed with it (over its segment's defaults), and what is expected.
 */
final class YamlScenario implements Scenario {

	private static final Set<String> KEYS = Set.of("name", "account", "goals", "thresholds", "expect");

	private static final Set<String> EXPECT_KEYS = Set.of("raises", "does-not-raise", "occurrence", "health-grade",
			"health-drag");

	private final String file;

	private final String name;

	private final AccountFacts account;

	private final List<GoalProgress> goals;

	private final List<Threshold> thresholds;

	private final List<String> raises;

	private final List<String> doesNotRaise;

	// playbook -> the occurrences its responses must name ("" for none)
	private final Map<String, List<String>> occurrences;

	private final String healthGrade;

	private final String healthDrag;

	private YamlScenario(String file, String name, AccountFacts account, List<GoalProgress> goals,
			List<Threshold> thresholds, Map<?, ?> expect) {
		this.file = file;
		this.name = name;
		this.account = account;
		this.goals = goals;
		this.thresholds = thresholds;
		this.raises = names(expect.get("raises"));
		this.doesNotRaise = names(expect.get("does-not-raise"));
		this.occurrences = occurrences(expect.get("occurrence"));
		this.healthGrade = (expect.get("health-grade") != null) ? expect.get("health-grade").toString() : null;
		this.healthDrag = (expect.get("health-drag") != null) ? expect.get("health-drag").toString() : null;
	}

	static YamlScenario of(String file, Map<?, ?> yaml, ScenarioDefaults defaults) {
		String name = (yaml.get("name") != null) ? yaml.get("name").toString() : null;
		if (name == null) {
			throw new IllegalArgumentException("every scenario needs a 'name:'");
		}
		try {
			checkKeys(yaml, KEYS, "a scenario");
			Map<?, ?> expect = map(yaml.get("expect"), "expect");
			checkKeys(expect, EXPECT_KEYS, "'expect'");
			if (expect.isEmpty()) {
				throw new IllegalArgumentException("'expect' says nothing to check");
			}
			AccountFacts account = FactsFromYaml.account(defaults.accountWith(map(yaml.get("account"), "account")));
			return new YamlScenario(file, name, account, goals(yaml.get("goals"), account, defaults),
					thresholds(map(yaml.get("thresholds"), "thresholds"), account, defaults), expect);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("scenario '" + name + "': " + ex.getMessage(), ex);
		}
	}

	@Override
	public String file() {
		return this.file;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public ScenarioResult run(RuleSet ruleSet) {
		AccountJudgement judgement = ruleSet.evaluate(this.account, this.goals, this.thresholds);
		List<String> differences = new ArrayList<>();
		judgement.errors().forEach((error) -> differences.add(error.toString()));
		List<String> raised = judgement.responses().stream().map(PlaybookResponse::playbookName).distinct().toList();
		for (String expected : this.raises) {
			if (!raised.contains(expected)) {
				differences.add("expected playbook '" + expected + "' to be raised, but it was not (raised: "
						+ (raised.isEmpty() ? "none" : String.join(", ", raised)) + ")");
			}
		}
		for (PlaybookResponse response : judgement.responses()) {
			if (this.doesNotRaise.contains(response.playbookName())) {
				differences.add("expected playbook '" + response.playbookName() + "' not to be raised, but rule \""
						+ response.rule() + "\" raised it: " + response.reason());
			}
		}
		checkOccurrences(judgement.responses(), differences);
		checkHealth(judgement.health().orElse(null), differences);
		return new ScenarioResult(this.file, this.name, differences);
	}

	private void checkOccurrences(List<PlaybookResponse> responses, List<String> differences) {
		this.occurrences.forEach((playbook, expected) -> {
			List<String> named = responses.stream()
				.filter((response) -> response.playbookName().equals(playbook))
				.map(PlaybookResponse::occurrence)
				.toList();
			for (String occurrence : expected) {
				if (!named.contains(occurrence)) {
					differences.add("expected playbook '" + playbook + "' to be raised for occurrence '" + occurrence
							+ "', but " + (named.isEmpty() ? "it was not raised"
									: "it was raised for " + named.stream().map((n) -> "'" + n + "'").toList()));
				}
			}
		});
	}

	private void checkHealth(HealthScore health, List<String> differences) {
		if (this.healthGrade == null && this.healthDrag == null) {
			return;
		}
		if (health == null) {
			differences.add("expected a health score, but none was computed");
			return;
		}
		if (this.healthGrade != null && !this.healthGrade.equals(health.getGrade())) {
			differences.add("expected health grade " + this.healthGrade + ", got " + health);
		}
		if (this.healthDrag != null && !health.getDrag().contains(this.healthDrag)) {
			differences
				.add("expected health to be dragged down by '" + this.healthDrag + "', got '" + health.getDrag() + "'");
		}
	}

	private static List<GoalProgress> goals(Object yaml, AccountFacts account, ScenarioDefaults defaults) {
		if (yaml == null) {
			return List.of();
		}
		if (!(yaml instanceof List<?> list)) {
			throw new IllegalArgumentException("'goals' must be a list");
		}
		List<GoalProgress> goals = new ArrayList<>();
		for (Object entry : list) {
			Map<Object, Object> values = defaults.goalWith(map(entry, "a goal"));
			values.putIfAbsent("goalId", "G-" + (goals.size() + 1));
			values.put("accountId", account.getAccountId());
			goals.add(FactsFromYaml.goal(values));
		}
		return goals;
	}

	private static List<Threshold> thresholds(Map<?, ?> agreed, AccountFacts account, ScenarioDefaults defaults) {
		Map<String, Threshold> thresholds = new LinkedHashMap<>();
		defaults.thresholdsOf(account.getSegment())
			.forEach((name, value) -> thresholds.put(name.toString(),
					new Threshold(account.getAccountId(), name.toString(), number(name, value), Threshold.SEGMENT)));
		agreed.forEach((name, value) -> thresholds.put(name.toString(),
				new Threshold(account.getAccountId(), name.toString(), number(name, value), Threshold.ACCOUNT)));
		return List.copyOf(thresholds.values());
	}

	private static double number(Object name, Object value) {
		try {
			return Double.parseDouble(String.valueOf(value));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("threshold '" + name + "' must be a number, not '" + value + "'");
		}
	}

	private static List<String> names(Object yaml) {
		if (yaml == null) {
			return List.of();
		}
		if (yaml instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of(yaml.toString());
	}

	private static Map<String, List<String>> occurrences(Object yaml) {
		if (yaml != null && !(yaml instanceof Map)) {
			throw new IllegalArgumentException("'occurrence' must be a mapping of 'playbook: occurrence' lines");
		}
		Map<String, List<String>> occurrences = new LinkedHashMap<>();
		map(yaml, "occurrence").forEach((playbook, occurrence) -> {
			List<?> expected = (occurrence instanceof List<?> list) ? list : Collections.singletonList(occurrence);
			occurrences.put(String.valueOf(playbook),
					expected.stream().map((one) -> (one != null) ? one.toString().trim() : "").toList());
		});
		return occurrences;
	}

	private static Map<?, ?> map(Object yaml, String what) {
		if (yaml == null) {
			return Map.of();
		}
		if (!(yaml instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("'" + what + "' must be a mapping of 'field: value' lines");
		}
		return map;
	}

	private static void checkKeys(Map<?, ?> yaml, Set<String> known, String what) {
		for (Object key : yaml.keySet()) {
			if (!known.contains(String.valueOf(key))) {
				throw new IllegalArgumentException(
						"unknown key '" + key + "' in " + what + " (known: " + known.stream().sorted().toList() + ")");
			}
		}
	}

}
