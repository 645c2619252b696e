package com.successpilot.judgement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.successpilot.attention.TaskRank;
import com.successpilot.attention.TaskRanking;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.RuleError;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.task.RaisedTask;
import com.successpilot.task.TaskRepository;

/**
 * Records a chunk of judgements in one transaction: tasks raised (held back for the
 * attention step) or refreshed, each with its score, tasks of cleared conditions
 * auto-closed, health scores, firing counts and rule errors.
 */
final class JudgementWriter implements ItemWriter<JudgedAccount> {

	private final TaskRepository tasks;

	private final JudgementRecords records;

	private final RulesVersionSource rulesVersionSource;

	// thread time spent ranking tasks (the health before, the scores), summed over the
	// partitions: what ranking adds to the step, for its log line
	private final LongAdder rankingNanos = new LongAdder();

	private final LongAdder rankedTasks = new LongAdder();

	JudgementWriter(TaskRepository tasks, JudgementRecords records, RulesVersionSource rulesVersionSource) {
		this.tasks = tasks;
		this.records = records;
		this.rulesVersionSource = rulesVersionSource;
	}

	@Override
	public void write(Chunk<? extends JudgedAccount> chunk) {
		// partitions share this writer: what a chunk needs comes from its own partition
		StepExecution partition = StepSynchronizationManager.getContext().getStepExecution();
		long run = partition.getJobExecution().getJobInstance().getInstanceId();
		LocalDate runDate = FeedImportSteps.businessDate(partition.getJobParameters());
		String rulesVersion = this.rulesVersionSource.rulesVersion(partition);
		AttentionPolicy attention = this.rulesVersionSource.attention(partition);
		long rankingStarted = System.nanoTime();
		TaskRanking ranking = new TaskRanking(attention.ranking());
		List<Long> accounts = new ArrayList<>();
		chunk.forEach((judged) -> accounts.add(judged.account().accountKey()));
		Map<Long, Double> healthBefore = this.records.healthOn(accounts,
				runDate.minusDays(attention.ranking().healthTrend().comparedWithDaysAgo()));
		long rankingNanos = System.nanoTime() - rankingStarted;
		List<RaisedTask> raised = new ArrayList<>();
		List<Long> judgedCleanly = new ArrayList<>();
		List<JudgementRecords.HealthRow> health = new ArrayList<>();
		List<JudgementRecords.ErrorRow> errors = new ArrayList<>();
		// the firing counts are the one row set partitions share: every chunk updates
		// them in
		// rule name order, so two partitions never wait on each other's rows crosswise
		Map<String, Integer> firings = new TreeMap<>();
		for (JudgedAccount judged : chunk) {
			long accountKey = judged.account().accountKey();
			long ranked = System.nanoTime();
			raised.addAll(ranked(judged, ranking, runDate, healthBefore.get(accountKey)));
			rankingNanos += System.nanoTime() - ranked;
			judged.judgement()
				.health()
				.ifPresent((score) -> health.add(new JudgementRecords.HealthRow(accountKey, score)));
			judged.judgement().firings().forEach((rule, count) -> firings.merge(rule, count, Integer::sum));
			for (RuleError error : judged.judgement().errors()) {
				errors.add(new JudgementRecords.ErrorRow(accountKey, error));
			}
			// a rule that failed may have left a condition unjudged: keep its tasks open
			if (!judged.judgement().hasErrors()) {
				judgedCleanly.add(accountKey);
			}
		}
		this.rankingNanos.add(rankingNanos);
		this.rankedTasks.add(raised.size());
		this.tasks.raise(raised, run, runDate, rulesVersion, attention.thresholdMarginPct());
		this.tasks.autoCloseCleared(judgedCleanly, run, runDate);
		this.records.saveHealth(health, runDate, run, rulesVersion);
		this.records.addFirings(firings, run, rulesVersion);
		this.records.saveErrors(errors, run);
	}

	/**
	 * Thread time spent ranking since the last call, summed over the partitions, and the
	 * tasks ranked in it.
	 */
	RankingTime takeRankingTime() {
		return new RankingTime(this.rankingNanos.sumThenReset(), this.rankedTasks.sumThenReset());
	}

	/**
	 * Thread time spent ranking and the tasks ranked in it.
	 */
	record RankingTime(long nanos, long tasks) {

	}

	private List<RaisedTask> ranked(JudgedAccount judged, TaskRanking ranking, LocalDate runDate, Double healthBefore) {
		AccountFacts facts = judged.account().facts();
		Double healthNow = judged.judgement().health().map((score) -> (double) score.getOverall()).orElse(null);
		List<RaisedTask> ranked = new ArrayList<>(judged.tasks().size());
		for (RaisedTask task : judged.tasks()) {
			TaskRank rank = ranking.rank(task.priority(), facts.getArr(), facts.getCurrency(), task.dueDate(),
					facts.getDaysToRenewal(), runDate, healthNow, healthBefore);
			ranked.add(task.ranked(rank.score(), rank.partsJson()));
		}
		return ranked;
	}

	/**
	 * Where the version of the rules that judged a partition's chunks, and the attention
	 * policy that ranks their tasks, come from.
	 */
	interface RulesVersionSource {

		String rulesVersion(StepExecution partition);

		default AttentionPolicy attention(StepExecution partition) {
			return AttentionPolicy.defaults();
		}

	}

}
