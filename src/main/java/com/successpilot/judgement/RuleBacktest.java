package com.successpilot.judgement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.judgement.internal.RuleChangeForecaster;
import com.successpilot.metrics.AccountCase;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.RuleSet;
import com.successpilot.task.RaisedTask;

/**
 * Replays a rule set over the stored facts of past nights ({@code account_facts} keeps
 * every night) and counts what it would have raised, per rule and per playbook,
 * deduplicated across nights as the judgement step deduplicates: a task is new on a night
 * when no task of the same key is still open from the nights before. A task of an
 * auto-closing playbook closes on the first night its rule does not raise it (the account
 * judged without error); one of another playbook stays open, as nobody marks it done in a
 * replay. Outcomes come from the contracts: an account whose contract was cancelled, or
 * whose last contract ended before today with none after it and did not renew by itself
 * ({@code auto_renew} false), churned on that end date; a contract of the same product
 * starting within 31 days after an earlier one ended, for a lower ARR, is a downgrade on
 * its start date. Writes nothing.
 */
@Component
public class RuleBacktest {

	private static final int RENEWAL_GAP_DAYS = 31;

	private final RuleChangeForecaster forecaster;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	RuleBacktest(MetricsSteps metricsSteps, NamedParameterJdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, JudgementProperties properties,
			com.successpilot.rules.RuleSetVersions versions, Clock clock) {
		this.forecaster = new RuleChangeForecaster(metricsSteps, jdbc, transactionManager,
				properties.evaluationThreads(), versions);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The nights with stored facts in a range, in order.
	 */
	public List<LocalDate> nights(LocalDate from, LocalDate to) {
		return this.jdbc
			.queryForList(
					"SELECT DISTINCT run_date FROM account_facts WHERE run_date BETWEEN :from AND :to "
							+ "ORDER BY run_date",
					new MapSqlParameterSource("from", from).addValue("to", to), java.sql.Date.class)
			.stream()
			.map(java.sql.Date::toLocalDate)
			.toList();
	}

	public BacktestReport backtest(RuleSet ruleSet, LocalDate from, LocalDate to) {
		long started = this.clock.millis();
		List<LocalDate> nights = nights(from, to);
		Replay replay = new Replay();
		for (LocalDate night : nights) {
			this.forecaster.forEachChunk(night, (chunk) -> {
				Map<AccountCase, AccountJudgement> judged = new LinkedHashMap<>();
				chunk.forEach((account) -> judged.put(account,
						ruleSet.decide(account.facts(), account.goals(), account.thresholds())));
				replay.add(night, judged);
			});
		}
		Map<Long, BacktestReport.Outcome> outcomes = outcomes(from, replay);
		return replay.report(ruleSet.version(), from, to, nights, outcomes, this.clock.millis() - started);
	}

	/**
	 * Churned and downgraded accounts from the contracts, outcome on or after
	 * {@code from}.
	 */
	private Map<Long, BacktestReport.Outcome> outcomes(LocalDate from, Replay replay) {
		LocalDate today = LocalDate.now(this.clock);
		Map<Long, List<Contract>> byAccount = new LinkedHashMap<>();
		Map<Long, String[]> names = new HashMap<>();
		this.jdbc.getJdbcOperations().query("""
				SELECT c.account_id, a.external_id, a.name, c.product, c.start_date, c.end_date, c.arr, c.status,
				  c.auto_renew
				FROM contracts c JOIN accounts a ON a.id = c.account_id
				ORDER BY c.account_id, c.product, c.start_date
				""", (rs) -> {
			long account = rs.getLong(1);
			names.putIfAbsent(account, new String[] { rs.getString(2), rs.getString(3) });
			byAccount.computeIfAbsent(account, (key) -> new ArrayList<>())
				.add(new Contract(rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(),
						rs.getBigDecimal(7), rs.getString(8), rs.getBoolean(9)));
		});
		Map<Long, BacktestReport.Outcome> outcomes = new TreeMap<>();
		byAccount.forEach((account, contracts) -> {
			String[] name = names.get(account);
			LocalDate churned = churnedOn(contracts, today);
			if (churned != null && !churned.isBefore(from)) {
				outcomes.put(account, new BacktestReport.Outcome(name[0], name[1], "churned", churned,
						replay.firstFlagged(account, "all", "", churned)));
				return;
			}
			LocalDate downgraded = downgradedOn(contracts);
			if (downgraded != null && !downgraded.isBefore(from)) {
				outcomes.put(account, new BacktestReport.Outcome(name[0], name[1], "downgraded", downgraded,
						replay.firstFlagged(account, "all", "", downgraded)));
			}
		});
		return outcomes;
	}

	private static LocalDate churnedOn(List<Contract> contracts, LocalDate today) {
		LocalDate cancelled = null;
		LocalDate lastEnd = null;
		for (Contract contract : contracts) {
			if ("cancelled".equals(contract.status()) && (cancelled == null || contract.end().isBefore(cancelled))) {
				cancelled = contract.end();
			}
			lastEnd = (lastEnd == null || contract.end().isAfter(lastEnd)) ? contract.end() : lastEnd;
		}
		if (cancelled != null) {
			return cancelled;
		}
		return (lastEnd != null && lastEnd.isBefore(today)) ? lastEnd : null;
	}

	private static LocalDate downgradedOn(List<Contract> contracts) {
		for (int i = 1; i < contracts.size(); i++) {
			Contract before = contracts.get(i - 1);
			Contract after = contracts.get(i);
			long gap = ChronoUnit.DAYS.between(before.end(), after.start());
			if (before.product().equals(after.product()) && gap > 0 && gap <= RENEWAL_GAP_DAYS
					&& after.arr().compareTo(before.arr()) < 0) {
				return after.start();
			}
		}
		return null;
	}

	private record Contract(String product, LocalDate start, LocalDate end, BigDecimal arr, String status,
			boolean autoRenew) {

	}

	/**
	 * The replay's state across nights: the keys still open per account, and what each
	 * rule and playbook raised. Chunks of one night arrive from several threads, for
	 * different accounts.
	 */
	private static final class Replay {

		// account → active key → whether its playbook closes by itself
		private final Map<Long, Map<String, Boolean>> open = new HashMap<>();

		// "rule|name" / "playbook|name" / "all|" → counts and first nights per account
		private final Map<String, Tally> tallies = new TreeMap<>();

		private final Set<Long> accounts = new HashSet<>();

		synchronized void add(LocalDate night, Map<AccountCase, AccountJudgement> judged) {
			judged.forEach((account, judgement) -> {
				long key = account.accountKey();
				this.accounts.add(key);
				Map<String, Boolean> openKeys = this.open.computeIfAbsent(key, (k) -> new HashMap<>());
				Set<String> raisedKeys = new HashSet<>();
				for (RaisedTask task : RuleChangeForecaster.decisionsOf(account, judgement)) {
					raisedKeys.add(task.activeKey());
					boolean isNew = !openKeys.containsKey(task.activeKey());
					openKeys.put(task.activeKey(), task.autoClose());
					for (String name : List.of("rule|" + task.rule(), "playbook|" + task.playbook(), "all|")) {
						this.tallies.computeIfAbsent(name, (n) -> new Tally()).raised(key, night, isNew);
					}
				}
				if (!judgement.hasErrors()) {
					openKeys.entrySet().removeIf((entry) -> entry.getValue() && !raisedKeys.contains(entry.getKey()));
				}
			});
		}

		synchronized LocalDate firstFlagged(long account, String kind, String name, LocalDate by) {
			Tally tally = this.tallies.get(kind + "|" + name);
			LocalDate first = (tally != null) ? tally.firstNight.get(account) : null;
			return (first != null && !first.isAfter(by)) ? first : null;
		}

		BacktestReport report(String version, LocalDate from, LocalDate to, List<LocalDate> nights,
				Map<Long, BacktestReport.Outcome> outcomes, long millis) {
			List<BacktestReport.Row> rules = new ArrayList<>();
			List<BacktestReport.Row> playbooks = new ArrayList<>();
			BacktestReport.Row all = null;
			for (Map.Entry<String, Tally> entry : this.tallies.entrySet()) {
				String kind = entry.getKey().substring(0, entry.getKey().indexOf('|'));
				String name = entry.getKey().substring(kind.length() + 1);
				BacktestReport.Row row = entry.getValue().row(kind, name.isEmpty() ? "(any)" : name, outcomes);
				switch (kind) {
					case "rule" -> rules.add(row);
					case "playbook" -> playbooks.add(row);
					default -> all = row;
				}
			}
			List<BacktestReport.Row> rows = new ArrayList<>(rules);
			rows.addAll(playbooks);
			if (all != null) {
				rows.add(all);
			}
			int churned = (int) outcomes.values().stream().filter((o) -> o.outcome().equals("churned")).count();
			return new BacktestReport(version, from, to, nights, this.accounts.size(), churned,
					outcomes.size() - churned, rows, List.copyOf(outcomes.values()), millis);
		}

	}

	private static final class Tally {

		private int tasks;

		private final Map<Long, LocalDate> firstNight = new HashMap<>();

		void raised(long account, LocalDate night, boolean isNew) {
			this.tasks += isNew ? 1 : 0;
			this.firstNight.putIfAbsent(account, night);
		}

		BacktestReport.Row row(String kind, String name, Map<Long, BacktestReport.Outcome> outcomes) {
			int churned = 0;
			int downgraded = 0;
			List<Long> days = new ArrayList<>();
			for (Map.Entry<Long, BacktestReport.Outcome> outcome : outcomes.entrySet()) {
				LocalDate first = this.firstNight.get(outcome.getKey());
				if (first == null || first.isAfter(outcome.getValue().on())) {
					continue;
				}
				if (outcome.getValue().outcome().equals("churned")) {
					churned++;
				}
				else {
					downgraded++;
				}
				days.add(ChronoUnit.DAYS.between(first, outcome.getValue().on()));
			}
			days.sort(null);
			Double median = days.isEmpty() ? null : (days.size() % 2 == 1) ? (double) days.get(days.size() / 2)
					: (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
			Double average = days.isEmpty() ? null : days.stream().mapToLong(Long::longValue).average().orElse(0);
			return new BacktestReport.Row(kind, name, this.tasks, this.firstNight.size(), churned, downgraded, median,
					average);
		}

	}

}
