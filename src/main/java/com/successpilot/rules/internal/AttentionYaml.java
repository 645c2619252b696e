package com.successpilot.rules.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.AttentionPolicy.AccountValue;
import com.successpilot.rules.AttentionPolicy.Allowance;
import com.successpilot.rules.AttentionPolicy.Budget;
import com.successpilot.rules.AttentionPolicy.HealthTrend;
import com.successpilot.rules.AttentionPolicy.Ranking;
import com.successpilot.rules.AttentionPolicy.Severity;
import com.successpilot.rules.AttentionPolicy.TimePressure;
import com.successpilot.rules.RuleSetProblem;

/**
 * Reads {@code rules/attention.yml} into an {@link AttentionPolicy}. A key left out keeps
 * its documented default; an unknown key, a value that is not a number or out of range is
 * a problem with file and line, so a typo never changes the budget unnoticed.
 */
final class AttentionYaml {

	private final RuleYaml yaml;

	private AttentionYaml(List<RuleSetProblem> problems) {
		this.yaml = new RuleYaml(AttentionPolicy.FILE, problems);
	}

	/**
	 * The policy of a rule set: its defaults when the set has no {@code attention.yml}.
	 * @param content the bytes of the file, or null when there is none
	 */
	static AttentionPolicy read(byte[] content, List<RuleSetProblem> problems) {
		if (content == null) {
			return AttentionPolicy.defaults();
		}
		try {
			Node root = new Yaml(new LoaderOptions())
				.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
			return (root != null) ? new AttentionYaml(problems).policy(root) : AttentionPolicy.defaults();
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			problems.add(new RuleSetProblem(AttentionPolicy.FILE, line, "not valid YAML: " + ex.getProblem()));
			return AttentionPolicy.defaults();
		}
	}

	private AttentionPolicy policy(Node root) {
		AttentionPolicy defaults = AttentionPolicy.defaults();
		Map<String, NodeTuple> top = this.yaml.mapping(root, "",
				Set.of("ranking", "budget", "change-mails", "surge-guard"));
		Ranking ranking = section(top, "ranking", defaults.ranking(), this::ranking);
		Budget budget = section(top, "budget", defaults.budget(), this::budget);
		Double margin = section(top, "change-mails", defaults.thresholdMarginPct(), (node) -> {
			Map<String, NodeTuple> fields = this.yaml.mapping(node, "change-mails", Set.of("threshold-margin-pct"));
			return number(fields, "threshold-margin-pct", defaults.thresholdMarginPct(), 0, 1000);
		});
		AttentionPolicy.SurgeGuard surgeGuard = section(top, "surge-guard", defaults.surgeGuard(), (node) -> {
			Map<String, NodeTuple> fields = this.yaml.mapping(node, "surge-guard",
					Set.of("factor", "nights", "minimum-new-tasks"));
			AttentionPolicy.SurgeGuard d = defaults.surgeGuard();
			return new AttentionPolicy.SurgeGuard(number(fields, "factor", d.factor(), 0, 1000),
					(int) number(fields, "nights", d.nights(), AttentionPolicy.SurgeGuard.FEWEST_NIGHTS, 90),
					(int) number(fields, "minimum-new-tasks", d.minimumNewTasks(), 0, 10_000_000));
		});
		return new AttentionPolicy(ranking, budget, margin, surgeGuard);
	}

	private Ranking ranking(Node node) {
		Ranking defaults = AttentionPolicy.defaults().ranking();
		Map<String, NodeTuple> fields = this.yaml.mapping(node, "ranking",
				Set.of("severity", "account-value", "time-pressure", "health-trend"));
		Severity severity = section(fields, "severity", defaults.severity(), (value) -> {
			Map<String, NodeTuple> points = this.yaml.mapping(value, "severity", Set.of("high", "medium", "low"));
			Severity d = defaults.severity();
			return new Severity(number(points, "high", d.high(), 0, 100), number(points, "medium", d.medium(), 0, 100),
					number(points, "low", d.low(), 0, 100));
		});
		AccountValue value = section(fields, "account-value", defaults.accountValue(), this::accountValue);
		TimePressure time = section(fields, "time-pressure", defaults.timePressure(), (section) -> {
			Map<String, NodeTuple> f = this.yaml.mapping(section, "time-pressure",
					Set.of("points", "due-within-days", "renewal-within-days"));
			TimePressure d = defaults.timePressure();
			return new TimePressure(number(f, "points", d.points(), 0, 100),
					(int) number(f, "due-within-days", d.dueWithinDays(), 1, 3650),
					(int) number(f, "renewal-within-days", d.renewalWithinDays(), 1, 3650));
		});
		HealthTrend trend = section(fields, "health-trend", defaults.healthTrend(), (section) -> {
			Map<String, NodeTuple> f = this.yaml.mapping(section, "health-trend",
					Set.of("points", "drop-for-full-points", "compared-with-days-ago"));
			HealthTrend d = defaults.healthTrend();
			return new HealthTrend(number(f, "points", d.points(), 0, 100),
					number(f, "drop-for-full-points", d.dropForFullPoints(), 0.1, 100),
					(int) number(f, "compared-with-days-ago", d.comparedWithDaysAgo(), 1, 365));
		});
		return new Ranking(severity, value, time, trend);
	}

	private AccountValue accountValue(Node node) {
		AccountValue d = AttentionPolicy.defaults().ranking().accountValue();
		Map<String, NodeTuple> f = this.yaml.mapping(node, "account-value",
				Set.of("points", "currency", "floor", "ceiling", "rates"));
		double points = number(f, "points", d.points(), 0, 100);
		String currency = (f.containsKey("currency")) ? currency(f.get("currency").getValueNode()) : d.currency();
		double floor = number(f, "floor", d.floor().doubleValue(), 0, 1e15);
		double ceiling = number(f, "ceiling", d.ceiling().doubleValue(), 0, 1e15);
		if (f.containsKey("ceiling") && ceiling <= floor) {
			this.yaml.problem(f.get("ceiling").getValueNode(), "'ceiling' must be larger than 'floor' (" + floor + ")");
		}
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		if (f.containsKey("rates")) {
			Node ratesNode = f.get("rates").getValueNode();
			if (ratesNode instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					String code = currency(tuple.getKeyNode());
					double rate = number(tuple.getValueNode(), "rates." + code, 1e-9, 1e9);
					rates.put(code, BigDecimal.valueOf(rate));
				}
			}
			else {
				this.yaml.problem(ratesNode, "'rates' must list currencies, e.g. 'JPY: 0.0067'");
			}
		}
		else {
			rates.putAll(d.rates());
		}
		return new AccountValue(points, currency, BigDecimal.valueOf(Math.max(floor, 1)), BigDecimal.valueOf(ceiling),
				rates);
	}

	private Budget budget(Node node) {
		Allowance d = AttentionPolicy.defaults().budget().defaults();
		Set<String> allowanceKeys = Set.of("new-tasks-per-day", "open-tasks-max", "urgent-mails-per-day");
		Set<String> keys = new TreeSet<>(allowanceKeys);
		keys.add("csms");
		Map<String, NodeTuple> f = this.yaml.mapping(node, "budget", keys);
		Allowance defaults = allowance(f, d);
		Map<String, Allowance> perCsm = new LinkedHashMap<>();
		if (f.containsKey("csms")) {
			Node csms = f.get("csms").getValueNode();
			if (csms instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					String email = RuleYaml.scalar(tuple.getKeyNode());
					if (email == null || !email.contains("@")) {
						this.yaml.problem(tuple.getKeyNode(),
								"a CSM is named by their e-mail address, not '" + email + "'");
						continue;
					}
					Map<String, NodeTuple> own = this.yaml.mapping(tuple.getValueNode(), "budget.csms." + email,
							allowanceKeys);
					perCsm.put(email.toLowerCase(Locale.ROOT), allowance(own, defaults));
				}
			}
			else if (!(csms instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
				this.yaml.problem(csms, "'csms' must list CSMs by e-mail address, each with their budget");
			}
		}
		return new Budget(defaults, perCsm);
	}

	private Allowance allowance(Map<String, NodeTuple> f, Allowance fallback) {
		return new Allowance((int) number(f, "new-tasks-per-day", fallback.newTasksPerDay(), 0, 10000),
				(int) number(f, "open-tasks-max", fallback.openTasksMax(), 1, 100000),
				(int) number(f, "urgent-mails-per-day", fallback.urgentMailsPerDay(), 0, 1000));
	}

	private <T> T section(Map<String, NodeTuple> fields, String key, T fallback, Function<Node, T> reader) {
		NodeTuple tuple = fields.get(key);
		return (tuple != null) ? reader.apply(tuple.getValueNode()) : fallback;
	}

	private double number(Map<String, NodeTuple> fields, String key, double fallback, double min, double max) {
		NodeTuple tuple = fields.get(key);
		return (tuple != null) ? number(tuple.getValueNode(), key, min, max) : fallback;
	}

	private double number(Node node, String key, double min, double max) {
		String text = RuleYaml.scalar(node);
		try {
			double value = Double.parseDouble(text.replace("_", ""));
			if (value >= min && value <= max) {
				return value;
			}
			this.yaml.problem(node, "'" + key + "' must be between " + RuleYaml.shown(min) + " and "
					+ RuleYaml.shown(max) + ", not " + text);
		}
		catch (NullPointerException | NumberFormatException ex) {
			this.yaml.problem(node, "'" + key + "' must be a number, not '" + text + "'");
		}
		return min;
	}

	private String currency(Node node) {
		String code = RuleYaml.scalar(node);
		if (code == null || !code.matches("[A-Za-z]{3}")) {
			this.yaml.problem(node, "a currency is a three-letter code such as USD or JPY, not '" + code + "'");
			return "USD";
		}
		return code.toUpperCase(Locale.ROOT);
	}

}
