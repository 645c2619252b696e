package com.successpilot.judgement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.task.RaisedTask;
import com.successpilot.task.TaskForecast;
import com.successpilot.task.TaskRepository;

/**
 * A dry run of a rule change: puts one night's stored facts before a draft rule set (and
 * draft thresholds) and before the set in force, and foresees with the judgement step's
 * own decisions what each would do to the tasks stored now — created, closed,
 * re-prioritised — which health grades would move, and how many new tasks the attention
 * budget would hold back. Reads in read-only transactions and writes nothing: no task, no
 * score, no mail.
 */
@Component
public class RuleChangePreview {

	private final RuleChangeForecaster forecaster;

	private final TaskRepository tasks;

	private final LiveRuleSet liveRuleSet;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	RuleChangePreview(MetricsSteps metricsSteps, NamedParameterJdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, JudgementProperties properties,
			com.successpilot.rules.RuleSetVersions versions, TaskRepository tasks, LiveRuleSet liveRuleSet,
			Clock clock) {
		this.forecaster = new RuleChangeForecaster(metricsSteps, jdbc, transactionManager,
				properties.evaluationThreads(), versions);
		this.tasks = tasks;
		this.liveRuleSet = liveRuleSet;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The latest night whose facts were judged, if any.
	 */
	public Optional<LocalDate> latestJudgedNight() {
		return Optional
			.ofNullable(this.jdbc.getJdbcOperations()
				.queryForObject("SELECT MAX(run_date) FROM health_scores", java.sql.Date.class))
			.map(java.sql.Date::toLocalDate);
	}

	/**
	 * Whether facts are stored for a night.
	 */
	public boolean hasFacts(LocalDate night) {
		Integer accounts = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM account_facts WHERE run_date = :night AND account_id = "
						+ "(SELECT MIN(account_id) FROM account_facts WHERE run_date = :night)",
				new MapSqlParameterSource("night", night), Integer.class);
		return accounts != null && accounts > 0;
	}

	/**
	 * Previews a draft against the set in force.
	 * @param night the night whose stored facts are judged
	 * @throws com.successpilot.rules.InvalidRuleSetException when no set is in force and
	 * the rules directory is invalid
	 */
	public PreviewReport preview(RuleSet draft, DraftThresholds thresholds, LocalDate night) {
		long started = this.clock.millis();
		RuleSet live = inForce(night);
		Tally tally = new Tally(csmEmails());
		this.forecaster.forEachChunk(night, (chunk) -> {
			TaskRepository.StoredTasks stored = this.tasks
				.storedFor(chunk.stream().map(AccountCase::accountKey).toList());
			Side liveSide = judge(live, chunk, night, (account) -> account, stored);
			Side draftSide = judge(draft, chunk, night, thresholds::applyTo, stored);
			tally.add(chunk, liveSide, draftSide);
		});
		return tally.report(night, live, draft, this.clock.millis() - started);
	}

	/**
	 * The set a draft is compared with: the one in force in this process (a server loads
	 * it, a reload replaces it); in a command, where none is loaded yet, the set that
	 * judged the night (its files are kept), or else the rules directory as it is.
	 */
	RuleSet inForce(LocalDate night) {
		return this.liveRuleSet.status()
			.liveSet()
			.or(() -> this.forecaster.judgedBy(night, this.liveRuleSet.rulesDir()))
			.orElseGet(this.liveRuleSet::current);
	}

	private Side judge(RuleSet ruleSet, List<AccountCase> chunk, LocalDate night,
			java.util.function.UnaryOperator<AccountCase> thresholds, TaskRepository.StoredTasks stored) {
		Map<Long, Double> healthBefore = this.forecaster.healthBefore(chunk, night, ruleSet);
		Map<Long, AccountJudgement> judgements = new HashMap<>();
		List<RaisedTask> raised = new ArrayList<>();
		List<Long> clean = new ArrayList<>();
		for (AccountCase inChunk : chunk) {
			AccountCase account = thresholds.apply(inChunk);
			// decisions only: the preview shows no task text, on either side
			AccountJudgement judgement = ruleSet.decide(account.facts(), account.goals(), account.thresholds());
			judgements.put(account.accountKey(), judgement);
			raised.addAll(RuleChangeForecaster.decisionsOf(account, judgement, ruleSet.attention(), night,
					healthBefore.get(account.accountKey())));
			if (!judgement.hasErrors()) {
				clean.add(account.accountKey());
			}
		}
		return new Side(judgements, stored.foresee(raised, clean));
	}

	private Map<Long, String> csmEmails() {
		Map<Long, String> emails = new HashMap<>();
		this.jdbc.getJdbcOperations().query("SELECT id, email FROM csms", (rs) -> {
			emails.put(rs.getLong(1), rs.getString(2));
		});
		return emails;
	}

	private record Side(Map<Long, AccountJudgement> judgements, TaskForecast forecast) {

	}

	/**
	 * What the chunks found, added up; chunks arrive from several threads.
	 */
	private static final class Tally {

		private final Map<Long, String> csmEmails;

		private final Map<Long, AccountCase> accounts = new HashMap<>();

		private final Map<String, Item> draftItems = new HashMap<>();

		private final Map<String, Item> liveItems = new HashMap<>();

		private final List<PreviewReport.GradeMove> healthMoves = new ArrayList<>();

		private final List<TaskForecast.StoredTask> draftActive = new ArrayList<>();

		private final List<TaskForecast.StoredTask> liveActive = new ArrayList<>();

		private int draftErrors;

		private int liveErrors;

		Tally(Map<Long, String> csmEmails) {
			this.csmEmails = csmEmails;
		}

		synchronized void add(List<AccountCase> chunk, Side live, Side draft) {
			chunk.forEach((account) -> this.accounts.put(account.accountKey(), account));
			items(draft.forecast(), this.draftItems);
			items(live.forecast(), this.liveItems);
			this.draftActive.addAll(draft.forecast().stayActive());
			this.liveActive.addAll(live.forecast().stayActive());
			for (AccountCase account : chunk) {
				AccountJudgement before = live.judgements().get(account.accountKey());
				AccountJudgement after = draft.judgements().get(account.accountKey());
				this.liveErrors += before.hasErrors() ? 1 : 0;
				this.draftErrors += after.hasErrors() ? 1 : 0;
				String from = before.health().map((score) -> score.getGrade()).orElse("-");
				String to = after.health().map((score) -> score.getGrade()).orElse("-");
				if (!from.equals(to)) {
					this.healthMoves.add(new PreviewReport.GradeMove(account.facts().getAccountId(),
							account.facts().getAccountName(), account.facts().getCsmEmail(), from, to,
							before.health().map((score) -> score.getOverall()).orElse(null),
							after.health().map((score) -> score.getOverall()).orElse(null)));
				}
			}
		}

		private void items(TaskForecast forecast, Map<String, Item> items) {
			for (RaisedTask task : forecast.created()) {
				items.put("created|" + task.activeKey(), new Item("created", task.accountKey(), task.ownerKey(),
						task.playbook(), null, task.priority(), task.rankScore()));
			}
			for (TaskForecast.StoredTask task : forecast.closed()) {
				items.put("closed|" + task.id(), new Item("closed", task.accountKey(), task.ownerKey(), task.playbook(),
						null, task.priority(), task.rankScore()));
			}
			for (TaskForecast.Reprioritised task : forecast.reprioritised()) {
				items.put("reprioritised|" + task.before().id() + "|" + task.now().priority(),
						new Item("reprioritised", task.before().accountKey(), task.now().ownerKey(),
								task.before().playbook(), task.before().priority(), task.now().priority(),
								task.now().rankScore()));
			}
		}

		PreviewReport report(LocalDate night, RuleSet live, RuleSet draft, long millis) {
			Set<String> draftHeld = heldBack(this.draftItems, this.draftActive, draft.attention());
			Set<String> liveHeld = heldBack(this.liveItems, this.liveActive, live.attention());
			Map<String, PreviewReport.Counts[]> byPlaybook = new TreeMap<>();
			Map<String, PreviewReport.Counts[]> byCsm = new TreeMap<>();
			List<PreviewReport.TaskChange> changes = new ArrayList<>();
			Set<String> keys = new java.util.LinkedHashSet<>(this.draftItems.keySet());
			keys.addAll(this.liveItems.keySet());
			for (String key : keys) {
				Item draftItem = this.draftItems.get(key);
				Item liveItem = this.liveItems.get(key);
				Item item = (draftItem != null) ? draftItem : liveItem;
				AccountCase account = this.accounts.get(item.accountKey());
				String csm = (item.ownerKey() != null) ? this.csmEmails.get(item.ownerKey()) : null;
				changes.add(new PreviewReport.TaskChange(item.change(), account.facts().getAccountId(),
						account.facts().getAccountName(), item.playbook(), item.priorityBefore(), item.priority(), csm,
						draftItem != null, liveItem != null, draftHeld.contains(key)));
				PreviewReport.Counts draftCount = (draftItem != null) ? count(item.change(), draftHeld.contains(key))
						: PreviewReport.Counts.NONE;
				PreviewReport.Counts liveCount = (liveItem != null) ? count(item.change(), liveHeld.contains(key))
						: PreviewReport.Counts.NONE;
				add(byPlaybook, item.playbook(), draftCount, liveCount);
				add(byCsm, (csm != null) ? csm : "(none)", draftCount, liveCount);
			}
			changes.sort(Comparator.comparing((PreviewReport.TaskChange change) -> !change.withDraft())
				.thenComparing(PreviewReport.TaskChange::change)
				.thenComparing(PreviewReport.TaskChange::playbook)
				.thenComparing(PreviewReport.TaskChange::accountId));
			this.healthMoves.sort(Comparator.comparing(PreviewReport.GradeMove::accountId));
			Map<String, Integer> gradeMoves = new TreeMap<>();
			this.healthMoves.forEach((move) -> gradeMoves.merge(move.from() + ">" + move.to(), 1, Integer::sum));
			return new PreviewReport(night, live.version(), draft.version(), this.accounts.size(),
					total(this.draftItems, draftHeld), total(this.liveItems, liveHeld), groups(byPlaybook),
					groups(byCsm), gradeMoves, changes, List.copyOf(this.healthMoves), this.draftErrors,
					this.liveErrors, millis);
		}

		/**
		 * The created tasks the attention step would hold back on a night of their own:
		 * per CSM, the tasks held back that stay and the new ones, best score first, up
		 * to the CSM's new tasks per day and open tasks at most; the rest wait. Accounts
		 * without a CSM have no budget.
		 */
		private Set<String> heldBack(Map<String, Item> items, List<TaskForecast.StoredTask> active,
				AttentionPolicy policy) {
			Map<Long, Integer> open = new HashMap<>();
			Map<Long, List<double[]>> queue = new HashMap<>();
			for (TaskForecast.StoredTask task : active) {
				if (task.ownerKey() == null) {
					continue;
				}
				if ("QUEUED".equals(task.status())) {
					queue.computeIfAbsent(task.ownerKey(), (csm) -> new ArrayList<>())
						.add(new double[] { task.rankScore(), 0, -1 });
				}
				else {
					open.merge(task.ownerKey(), 1, Integer::sum);
				}
			}
			List<String> created = new ArrayList<>();
			items.forEach((key, item) -> {
				if (item.change().equals("created") && item.ownerKey() != null) {
					created.add(key);
				}
			});
			for (int i = 0; i < created.size(); i++) {
				Item item = items.get(created.get(i));
				queue.computeIfAbsent(item.ownerKey(), (csm) -> new ArrayList<>())
					.add(new double[] { item.score(), 1, i });
			}
			Set<String> held = new HashSet<>();
			queue.forEach((csm, tasks) -> {
				AttentionPolicy.Allowance allowance = policy.budget().of(this.csmEmails.get(csm));
				int capacity = Math.max(0,
						Math.min(allowance.newTasksPerDay(), allowance.openTasksMax() - open.getOrDefault(csm, 0)));
				// best score first; on a tie the task held back longer goes first
				tasks.sort(
						Comparator.comparingDouble((double[] task) -> -task[0]).thenComparingDouble((task) -> task[1]));
				for (int place = capacity; place < tasks.size(); place++) {
					if (tasks.get(place)[1] == 1) {
						held.add(created.get((int) tasks.get(place)[2]));
					}
				}
			});
			return held;
		}

		private static PreviewReport.Counts count(String change, boolean held) {
			return switch (change) {
				case "created" -> new PreviewReport.Counts(1, 0, 0, held ? 1 : 0);
				case "closed" -> new PreviewReport.Counts(0, 1, 0, 0);
				default -> new PreviewReport.Counts(0, 0, 1, 0);
			};
		}

		private static PreviewReport.Counts total(Map<String, Item> items, Set<String> held) {
			PreviewReport.Counts total = PreviewReport.Counts.NONE;
			for (Map.Entry<String, Item> item : items.entrySet()) {
				total = total.plus(count(item.getValue().change(), held.contains(item.getKey())));
			}
			return total;
		}

		private static void add(Map<String, PreviewReport.Counts[]> groups, String name, PreviewReport.Counts draft,
				PreviewReport.Counts live) {
			PreviewReport.Counts[] counts = groups.computeIfAbsent(name,
					(key) -> new PreviewReport.Counts[] { PreviewReport.Counts.NONE, PreviewReport.Counts.NONE });
			counts[0] = counts[0].plus(draft);
			counts[1] = counts[1].plus(live);
		}

		private static List<PreviewReport.Group> groups(Map<String, PreviewReport.Counts[]> groups) {
			return groups.entrySet()
				.stream()
				.map((group) -> new PreviewReport.Group(group.getKey(), group.getValue()[0], group.getValue()[1]))
				.toList();
		}

	}

	private record Item(String change, long accountKey, Long ownerKey, String playbook, String priorityBefore,
			String priority, double score) {

	}

}
