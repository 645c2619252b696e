package com.successpilot.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportReport;
import com.successpilot.ingest.ImportReport.FeedFileReport;

/**
 * The few lines a person reads at the end of a run: did it work, what came in, what was
 * rejected and where to look.
 */
@Component
public class RunSummary {

	private final ImportReport importReport;

	private final RunLauncher launcher;

	private final List<RunSummarySection> sections;

	RunSummary(ImportReport importReport, RunLauncher launcher, List<RunSummarySection> sections) {
		this.importReport = importReport;
		this.launcher = launcher;
		this.sections = sections;
	}

	public void print(JobExecution execution, PrintStream out) {
		LocalDate businessDate = FeedImportSteps.businessDate(execution.getJobParameters());
		List<JobExecution> attempts = this.launcher.attemptsOf(execution);
		out.printf("%n%s for %s, run %s (execution %d): %s%s%n", execution.getJobInstance().getJobName(), businessDate,
				execution.getJobParameters().getLong(RunLauncher.RUN_NUMBER), execution.getId(), execution.getStatus(),
				attempts.size() > 1 ? " after " + attempts.size() + " attempts" : "");
		if (execution.getStartTime() != null && execution.getEndTime() != null) {
			out.printf("took %s%n", format(Duration.between(execution.getStartTime(), execution.getEndTime())));
		}
		printImport(attempts, businessDate, out);
		for (RunSummarySection section : this.sections) {
			section.print(execution, out);
		}
		printFailures(execution, out);
	}

	private void printImport(List<JobExecution> attempts, LocalDate businessDate, PrintStream out) {
		List<FeedFileReport> files = this.importReport.files(attempts.stream().map(JobExecution::getId).toList(),
				businessDate);
		if (files.isEmpty()) {
			out.println("\nImport: no feed files in the inbox.");
			return;
		}
		Map<String, long[]> byFeed = new LinkedHashMap<>();
		for (FeedFileReport file : files) {
			long[] counts = byFeed.computeIfAbsent(file.feed(), (feed) -> new long[4]);
			counts[0]++;
			counts[1] += file.read();
			counts[2] += file.imported();
			counts[3] += file.rejected();
		}
		out.println("\nImport                   files       rows   imported   rejected");
		byFeed.forEach((feed, counts) -> out.printf("  %-20s %7d %10d %10d %10d%n", feed, counts[0], counts[1],
				counts[2], counts[3]));
		List<String> notes = new ArrayList<>();
		for (FeedFileReport file : files) {
			if (file.rejectFile() != null) {
				notes.add("  " + file.feed() + "/" + file.fileName() + ": " + file.rejected()
						+ " rows rejected, listed with line and reason in " + file.rejectFile());
			}
			if (file.failure() != null) {
				// an imported file's note is a warning (rows warned about, exact repeats)
				notes.add("  " + file.feed() + "/" + file.fileName() + " " + file.status() + ": " + file.failure());
			}
		}
		if (!notes.isEmpty()) {
			out.println("\nLook at:");
			notes.forEach(out::println);
		}
	}

	private void printFailures(JobExecution execution, PrintStream out) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return;
		}
		out.println("\nThe run did not complete:");
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() != BatchStatus.COMPLETED) {
				String message = step.getExitStatus().getExitDescription();
				if (!step.getFailureExceptions().isEmpty()) {
					message = rootMessage(step.getFailureExceptions().get(0));
				}
				out.printf("  %s %s: %s%n", step.getStepName(), step.getStatus(), firstLine(message));
			}
		}
		out.println("Fix the cause and run the same command again: the run continues where it stopped.");
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause == failure) ? failure.getMessage() : failure.getMessage() + " (" + cause.getMessage() + ")";
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis < 60_000) ? String.format("%.1f s", millis / 1000.0)
				: String.format("%d min %d s", millis / 60_000, (millis / 1000) % 60);
	}

}
