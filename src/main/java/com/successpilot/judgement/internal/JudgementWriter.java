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
import com.successpilot.rules.PlaybookResponse;
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
			for (PlaybookResponse response : judged.judgement().responses()) {
				raised.addAll(tasksFor(judged, response));
			}
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

	private List<RaisedTask> tasksFor(JudgedAccount judged, PlaybookResponse response) {
		List<RaisedTask> tasks = new ArrayList<>();
		var drafts = response.taskDrafts();
		String why = Evidence.why(response);
		String evidence = Evidence.json(response);
		for (int i = 0; i < drafts.size(); i++) {
			var draft = drafts.get(i);
			String key = response.dedupKey() + ((i == 0) ? "" : "#" + (i + 1));
			tasks.add(new RaisedTask(key, judged.account().accountKey(), judged.account().csmKey(),
					response.playbookName(), response.playbook().type().name().toLowerCase(),
					response.playbook().priority().name().toLowerCase(), draft.title(), draft.description(),
					draft.dueDate(), response.playbook().urgent(), response.playbook().autoClose(), response.rule(),
					why, evidence));
		}
		return tasks;
	}

}
