package com.successpilot.judgement.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.successpilot.judgement.JudgementListener;
import com.successpilot.judgement.JudgementListener.JudgementCounts;
import com.successpilot.task.TaskRepository;

/**
 * When a judgement step ends: logs how many accounts it judged and tasks it created, and
 * tells the {@link JudgementListener}s. Listens to the step that manages the partitions,
 * whose counts are the sum of theirs, once they have all ended; keeps no state.
 */
final class JudgementStepReport implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(JudgementStepReport.class);

	private final TaskRepository tasks;

	private final List<JudgementListener> listeners;

	private final Clock clock;

	// by step execution: when each attempt started on the clock the tasks' created_at
	// come from (not Spring Batch's own start time)
	private final Map<Long, LocalDateTime> started = new ConcurrentHashMap<>();

	JudgementStepReport(TaskRepository tasks, List<JudgementListener> listeners, Clock clock) {
		this.tasks = tasks;
		this.listeners = listeners;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution step) {
		this.started.put(step.getId(), LocalDateTime.now(this.clock));
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		long run = step.getJobExecution().getJobInstance().getInstanceId();
		LocalDateTime since = this.started.remove(step.getId());
		long created = (since != null) ? this.tasks.countCreatedSince(run, since) : 0;
		JudgementCounts counts = new JudgementCounts(step.getJobExecution().getJobInstance().getJobName(),
				step.getStepName(), step.getWriteCount(), created);
		String rules = step.getExecutionContext().containsKey(RuleSetPin.RULES_VERSION)
				? " with rules version " + step.getExecutionContext().getString(RuleSetPin.RULES_VERSION) : "";
		logger.info(step.getStepName() + ": judged " + counts.accountsJudged() + " accounts" + rules + ", created "
				+ counts.tasksCreated() + " tasks (" + step.getStatus() + ")");
		this.listeners.forEach((listener) -> listener.judgementEnded(counts));
		return null;
	}

	/**
	 * What ranking the tasks added to the step: the thread time the partitions spent
	 * reading the health before and scoring, against the step's own time.
	 */
	static final class RankingLog implements StepExecutionListener {

		private final JudgementWriter writer;

		private volatile long started;

		RankingLog(JudgementWriter writer) {
			this.writer = writer;
		}

		@Override
		public void beforeStep(StepExecution step) {
			this.writer.takeRankingTime();
			this.started = System.nanoTime();
		}

		@Override
		public ExitStatus afterStep(StepExecution step) {
			JudgementWriter.RankingTime ranking = this.writer.takeRankingTime();
			if (ranking.tasks() > 0) {
				long stepMillis = (System.nanoTime() - this.started) / 1_000_000;
				logger.info(String.format(java.util.Locale.ROOT,
						"%s: ranking %d task(s) took %d ms of thread time over the partitions (step %d ms)",
						step.getStepName(), ranking.tasks(), ranking.nanos() / 1_000_000, stepMillis));
			}
			return null;
		}

	}

	/**
	 * One line per partition, logged on the partition's own thread.
	 */
	static final class PartitionLog implements StepExecutionListener {

		@Override
		public ExitStatus afterStep(StepExecution partition) {
			logger.info(partition.getStepName() + ": judged " + partition.getWriteCount() + " accounts ("
					+ partition.getStatus() + ")");
			return null;
		}

	}

}
