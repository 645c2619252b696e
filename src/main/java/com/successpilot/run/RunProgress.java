package com.successpilot.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Progress of runs, per step: items done, rate and ETA. Reads the counts Spring Batch
 * keeps on the step executions of a run going in this process (updated at every chunk
 * commit, so progress costs no query), and the same counts from the job repository for
 * any other run. A partitioned step's progress is the sum of its partitions'.
 */
@Component
public class RunProgress {

	/** In a step's execution context: the total recorded by {@link #counting}. */
	static final String TOTAL = "progress.total";

	private final Map<Long, JobExecution> live = new ConcurrentHashMap<>();

	private final Set<Object> attached = Collections
		.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));

	private final List<BiConsumer<JobExecution, StepProgress>> stepEndWatchers = new CopyOnWriteArrayList<>();

	/**
	 * Records the step's total when it starts, for percent done and ETA.
	 * @return the step
	 */
	public static Step counting(Step step, StepTotal total) {
		if (step instanceof AbstractStep abstractStep) {
			abstractStep.registerStepExecutionListener(new StepExecutionListener() {
				@Override
				public void beforeStep(StepExecution stepExecution) {
					long items = total.of(stepExecution);
					if (items >= 0) {
						stepExecution.getExecutionContext().putLong(TOTAL, items);
					}
				}
			});
		}
		return step;
	}

	/**
	 * Follows the runs of this job: its executions are tracked while they go and the end
	 * of each of its steps is reported to the watchers.
	 */
	void attach(Job job) {
		if (!(job instanceof AbstractJob abstractJob) || !this.attached.add(job)) {
			return;
		}
		abstractJob.registerJobExecutionListener(new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution jobExecution) {
				RunProgress.this.live.put(jobExecution.getId(), jobExecution);
			}

			@Override
			public void afterJob(JobExecution jobExecution) {
				RunProgress.this.live.remove(jobExecution.getId());
			}
		});
		for (String name : abstractJob.getStepNames()) {
			if (abstractJob.getStep(name) instanceof AbstractStep step && this.attached.add(step)) {
				step.registerStepExecutionListener(new StepExecutionListener() {
					@Override
					public ExitStatus afterStep(StepExecution stepExecution) {
						stepEnded(stepExecution);
						return null;
					}
				});
			}
		}
	}

	/**
	 * The run with this execution id, as it stands in memory, while it goes in this
	 * process.
	 */
	public Optional<JobExecution> live(long executionId) {
		return Optional.ofNullable(this.live.get(executionId));
	}

	public List<JobExecution> live() {
		return List.copyOf(this.live.values());
	}

	/**
	 * Calls {@code watcher} with the final progress of every step of a run in this
	 * process as it ends.
	 * @return a handle that stops the calls
	 */
	public AutoCloseable onStepEnd(BiConsumer<JobExecution, StepProgress> watcher) {
		this.stepEndWatchers.add(watcher);
		return () -> this.stepEndWatchers.remove(watcher);
	}

	/**
	 * The progress of each of the run's steps (partitions folded into their step), in the
	 * order they ran.
	 */
	public List<StepProgress> steps(JobExecution execution) {
		List<StepExecution> all = stepExecutions(execution);
		List<StepProgress> steps = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			StepExecution step = all.get(i);
			if (!isPartition(step)) {
				steps.add(progress(step, partitionsOf(all, i)));
			}
		}
		return steps;
	}

	private void stepEnded(StepExecution stepExecution) {
		if (this.stepEndWatchers.isEmpty()) {
			return;
		}
		List<StepExecution> all = stepExecutions(stepExecution.getJobExecution());
		int index = all.indexOf(stepExecution);
		StepProgress progress = progress(stepExecution, (index < 0) ? List.of() : partitionsOf(all, index));
		// the step's status is set after its listeners ran
		StepProgress ended = progress.withStatus(stepExecution.getExitStatus().getExitCode());
		this.stepEndWatchers.forEach((watcher) -> watcher.accept(stepExecution.getJobExecution(), ended));
	}

	private static StepProgress progress(StepExecution step, List<StepExecution> partitions) {
		long items = items(step);
		if (!partitions.isEmpty() && step.getEndTime() == null) {
			// a partitioned step's own counts are the sum of its partitions', added up
			// only when it ends
			items = partitions.stream().mapToLong(RunProgress::items).sum();
		}
		Long total = step.getExecutionContext().containsKey(TOTAL) ? step.getExecutionContext().getLong(TOTAL) : null;
		int partitionsDone = (int) partitions.stream().filter((partition) -> partition.getEndTime() != null).count();
		return StepProgress.of(step.getStepName(), step.getStatus().name(), items, total, step.getStartTime(),
				step.getEndTime(), partitions.size(), partitionsDone);
	}

	private static long items(StepExecution step) {
		return Math.max(step.getReadCount(), step.getWriteCount() + step.getFilterCount());
	}

	/**
	 * The partitions of the step at {@code index}: the partition executions created after
	 * it and before the next step (steps of a job run one after the other).
	 */
	private static List<StepExecution> partitionsOf(List<StepExecution> all, int index) {
		List<StepExecution> partitions = new ArrayList<>();
		for (int i = index + 1; i < all.size() && isPartition(all.get(i)); i++) {
			partitions.add(all.get(i));
		}
		return partitions;
	}

	/** Spring Batch names a partition's execution {@code <worker step>:<partition>}. */
	private static boolean isPartition(StepExecution step) {
		return step.getStepName().contains(":");
	}

	private static List<StepExecution> stepExecutions(JobExecution execution) {
		for (int attempt = 1;; attempt++) {
			try {
				// Spring Batch adds partitions to the run's list while a step starts
				List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
				steps.sort(Comparator.comparingLong(StepExecution::getId));
				return steps;
			}
			catch (ConcurrentModificationException | NoSuchElementException ex) {
				if (attempt == 3) {
					return List.of();
				}
			}
		}
	}

}
