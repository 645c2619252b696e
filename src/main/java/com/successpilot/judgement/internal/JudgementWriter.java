package com.successpilot.judgement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
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
final class JudgementWriter implements ItemWriter<JudgedAccount>, StepExecutionListener {

	private final TaskRepository tasks;

	private final JudgementRecords records;

	private final RulesVersionSource rulesVersionSource;

	private long run;

	private LocalDate runDate;

	private String rulesVersion;

	JudgementWriter(TaskRepository tasks, JudgementRecords records, RulesVersionSource rulesVersionSource) {
		this.tasks = tasks;
		this.records = records;
		this.rulesVersionSource = rulesVersionSource;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.run = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		this.runDate = FeedImportSteps.businessDate(stepExecution.getJobParameters());
	}

	@Override
	public void write(Chunk<? extends JudgedAccount> chunk) {
		this.rulesVersion = this.rulesVersionSource.rulesVersion();
		AttentionPolicy attention = this.rulesVersionSource.attention();
		TaskRanking ranking = new TaskRanking(attention.ranking());
		List<Long> accounts = new ArrayList<>();
		chunk.forEach((judged) -> accounts.add(judged.account().accountKey()));
		Map<Long, Double> healthBefore = this.records.healthOn(accounts,
				this.runDate.minusDays(attention.ranking().healthTrend().comparedWithDaysAgo()));
		List<RaisedTask> raised = new ArrayList<>();
		List<Long> judgedCleanly = new ArrayList<>();
		List<JudgementRecords.HealthRow> health = new ArrayList<>();
		List<JudgementRecords.ErrorRow> errors = new ArrayList<>();
		Map<String, Integer> firings = new HashMap<>();
		for (JudgedAccount judged : chunk) {
			long accountKey = judged.account().accountKey();
			raised.addAll(ranked(judged, ranking, healthBefore.get(accountKey)));
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
		this.tasks.raise(raised, this.run, this.runDate, this.rulesVersion, attention.thresholdMarginPct());
		this.tasks.autoCloseCleared(judgedCleanly, this.run, this.runDate);
		this.records.saveHealth(health, this.runDate, this.run, this.rulesVersion);
		this.records.addFirings(firings, this.run, this.rulesVersion);
		this.records.saveErrors(errors, this.run);
	}

	private List<RaisedTask> ranked(JudgedAccount judged, TaskRanking ranking, Double healthBefore) {
		AccountFacts facts = judged.account().facts();
		Double healthNow = judged.judgement().health().map((score) -> (double) score.getOverall()).orElse(null);
		List<RaisedTask> ranked = new ArrayList<>(judged.tasks().size());
		for (RaisedTask task : judged.tasks()) {
			TaskRank rank = ranking.rank(task.priority(), facts.getArr(), facts.getCurrency(), task.dueDate(),
					facts.getDaysToRenewal(), this.runDate, healthNow, healthBefore);
			ranked.add(task.ranked(rank.score(), rank.partsJson()));
		}
		return ranked;
	}

	/**
	 * Where the version of the rules that judged a chunk, and the attention policy that
	 * ranks its tasks, come from.
	 */
	interface RulesVersionSource {

		String rulesVersion();

		default AttentionPolicy attention() {
			return AttentionPolicy.defaults();
		}

	}

}
