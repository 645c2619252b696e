package com.successpilot.run.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.StepProgress;

/**
 * The JSON shapes of the runs API.
 */
final class RunViews {

	private RunViews() {
	}

	/**
	 * A run in a list: one execution of a job for a business date.
	 */
	record RunItem(long id, String job, LocalDate businessDate, Long runNumber, String status, String exitStatus,
			OffsetDateTime startTime, OffsetDateTime endTime, Double durationSeconds) {

		static RunItem of(RunHistory.Row row) {
			return new RunItem(row.id(), row.job(), row.businessDate(), row.runNumber(), row.status(), row.exitStatus(),
					offset(row.startTime()), offset(row.endTime()), seconds(row.startTime(), row.endTime()));
		}

		static RunItem of(JobExecution execution) {
			return new RunItem(execution.getId(), execution.getJobInstance().getJobName(),
					execution.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE, null),
					execution.getJobParameters().getLong(RunLauncher.RUN_NUMBER), execution.getStatus().name(),
					execution.getExitStatus().getExitCode(), offset(execution.getStartTime()),
					offset(execution.getEndTime()), seconds(execution.getStartTime(), execution.getEndTime()));
		}

	}

	record RunPage(List<RunItem> runs, int page, int size, long total) {

	}

	/**
	 * A run just started (or restarted) in the background.
	 */
	record StartedRun(long id, String job, LocalDate businessDate, Long runNumber, String status, String location) {

	}

	/**
	 * A run with its steps, their progress, and what each feature did in it.
	 */
	record RunDetail(long id, String job, LocalDate businessDate, Long runNumber, String status, String exitStatus,
			String exitDescription, OffsetDateTime startTime, OffsetDateTime endTime, Double durationSeconds,
			List<Long> attempts, List<StepView> steps, Map<String, Object> outcomes) {

		static RunDetail of(JobExecution execution, List<Long> attempts, List<StepProgress> progress,
				Map<String, Object> outcomes) {
			RunItem item = RunItem.of(execution);
			Map<String, StepExecution> byName = new LinkedHashMap<>();
			execution.getStepExecutions()
				.stream()
				.sorted(Comparator.comparingLong(StepExecution::getId))
				.forEach((step) -> byName.put(step.getStepName(), step));
			List<StepView> steps = new ArrayList<>();
			for (StepProgress step : progress) {
				steps.add(StepView.of(byName.get(step.step()), step));
			}
			return new RunDetail(item.id(), item.job(), item.businessDate(), item.runNumber(), item.status(),
					item.exitStatus(), execution.getExitStatus().getExitDescription(), item.startTime(), item.endTime(),
					item.durationSeconds(), attempts, steps, outcomes);
		}

	}

	record StepView(String name, String status, String exitStatus, long readCount, long writeCount, long filterCount,
			long skipCount, long commitCount, long rollbackCount, OffsetDateTime startTime, OffsetDateTime endTime,
			Double durationSeconds, int partitions, ProgressView progress) {

		static StepView of(StepExecution step, StepProgress progress) {
			return new StepView(step.getStepName(), step.getStatus().name(), step.getExitStatus().getExitCode(),
					step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
					step.getCommitCount(), step.getRollbackCount(), offset(step.getStartTime()),
					offset(step.getEndTime()), seconds(step.getStartTime(), step.getEndTime()), progress.partitions(),
					ProgressView.of(progress));
		}

	}

	/**
	 * Items done, the total when known, the rate so far and the time left at that rate.
	 */
	record ProgressView(long items, Long total, Double percent, double itemsPerSecond, Long etaSeconds,
			Integer partitionsDone) {

		static ProgressView of(StepProgress progress) {
			return new ProgressView(progress.items(), progress.total(), progress.percent(), progress.itemsPerSecond(),
					(progress.eta() != null) ? progress.eta().toSeconds() : null,
					(progress.partitions() > 0) ? progress.partitionsDone() : null);
		}

	}

	static OffsetDateTime offset(LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toOffsetDateTime() : null;
	}

	static Double seconds(LocalDateTime start, LocalDateTime end) {
		return (start != null && end != null) ? Duration.between(start, end).toMillis() / 1000.0 : null;
	}

}
