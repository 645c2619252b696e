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

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.rules.RuleError;
import com.successpilot.task.RaisedTask;
import com.successpilot.task.TaskChangeListener;
import com.successpilot.task.TaskRepository;

/**
 * Records a chunk of judgements in one transaction: tasks raised or refreshed, tasks of
 * cleared conditions auto-closed, health scores, firing counts and rule errors.
 */
final class JudgementWriter implements ItemWriter<JudgedAccount>, StepExecutionListener {

	private final TaskRepository tasks;

	private final JudgementRecords records;

	private final List<TaskChangeListener> taskListeners;

	private final RulesVersionSource rulesVersionSource;

	private long run;

	private LocalDate runDate;

	private String rulesVersion;

	JudgementWriter(TaskRepository tasks, JudgementRecords records, List<TaskChangeListener> taskListeners,
			RulesVersionSource rulesVersionSource) {
		this.tasks = tasks;
		this.records = records;
		this.taskListeners = taskListeners;
		this.rulesVersionSource = rulesVersionSource;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.run = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		this.runDate = stepExecution.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE, LocalDate.now());
	}

	@Override
	public void write(Chunk<? extends JudgedAccount> chunk) {
		this.rulesVersion = this.rulesVersionSource.rulesVersion();
		List<Long> accounts = new ArrayList<>();
		List<RaisedTask> raised = new ArrayList<>();
		List<Long> judgedCleanly = new ArrayList<>();
		List<JudgementRecords.HealthRow> health = new ArrayList<>();
		List<JudgementRecords.ErrorRow> errors = new ArrayList<>();
		Map<String, Integer> firings = new HashMap<>();
		for (JudgedAccount judged : chunk) {
			long accountKey = judged.account().accountKey();
			accounts.add(accountKey);
			raised.addAll(judged.tasks());
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
		this.tasks.raise(raised, this.run, this.runDate, this.rulesVersion);
		this.tasks.autoCloseCleared(judgedCleanly, this.run, this.runDate);
		this.records.saveHealth(health, this.runDate, this.run, this.rulesVersion);
		this.records.addFirings(firings, this.run, this.rulesVersion);
		this.records.saveErrors(errors, this.run);
		for (TaskChangeListener listener : this.taskListeners) {
			listener.tasksRecorded(this.run, this.runDate, accounts);
		}
	}

	/**
	 * Where the version of the rules that judged a chunk comes from.
	 */
	interface RulesVersionSource {

		String rulesVersion();

	}

}
