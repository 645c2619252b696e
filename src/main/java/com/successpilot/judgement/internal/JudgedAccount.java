package com.successpilot.judgement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.successpilot.metrics.AccountCase;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.PlaybookResponse;
import com.successpilot.task.RaisedTask;

/**
 * An account, what the rules concluded about it, and the task rows that follows from,
 * built where the judging happens (in parallel) so the writer only writes.
 */
record JudgedAccount(AccountCase account, AccountJudgement judgement, List<RaisedTask> tasks) {

	JudgedAccount(AccountCase account, AccountJudgement judgement) {
		this(account, judgement, tasksOf(account, judgement));
	}

	private static List<RaisedTask> tasksOf(AccountCase account, AccountJudgement judgement) {
		return List.copyOf(rows(account, judgement, true));
	}

	/**
	 * The task rows as {@link #tasksOf} builds them, without their texts: the same keys,
	 * occurrences, owner, playbook, type, priority, due date, flags and rule, and no
	 * title, description, why or evidence (all {@code null}). What a forecast decides
	 * with; building the texts in the reader's language is most of the cost of a row.
	 */
	static List<RaisedTask> decisionsOf(AccountCase account, AccountJudgement judgement) {
		return rows(account, judgement, false);
	}

	private static List<RaisedTask> rows(AccountCase account, AccountJudgement judgement, boolean worded) {
		List<RaisedTask> tasks = new ArrayList<>();
		for (PlaybookResponse response : judgement.responses()) {
			// texts in the language of the CSM who will read them
			String language = account.facts().getCsmLanguage();
			var drafts = worded ? response.taskDrafts(language) : null;
			List<LocalDate> dueDates = worded ? null : response.dueDates();
			String why = worded ? Evidence.why(response, language) : null;
			String evidence = worded
					? Evidence.json(response, account.thresholds(), account.facts().getSegment(), language) : null;
			int count = worded ? drafts.size() : dueDates.size();
			for (int i = 0; i < count; i++) {
				// a playbook with several tasks keeps one deduplication key per task
				String key = response.dedupKey() + ((i == 0) ? "" : "#" + (i + 1));
				tasks.add(new RaisedTask(key, response.occurrence(), account.accountKey(), account.csmKey(),
						response.playbookName(), response.playbook().type().name().toLowerCase(),
						response.playbook().priority().name().toLowerCase(), worded ? drafts.get(i).title() : null,
						worded ? drafts.get(i).description() : null, worded ? drafts.get(i).dueDate() : dueDates.get(i),
						response.playbook().urgent(), response.playbook().autoClose(), response.rule(), why, evidence,
						0, null));
			}
		}
		return tasks;
	}

}
