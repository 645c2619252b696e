package com.successpilot.run.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.successpilot.run.JobFiles;
import com.successpilot.run.JobSchedule;
import com.successpilot.run.JobSchedules;

/**
 * Reads the {@code job:} and {@code schedule:} of every job definition file in
 * {@code batch-jobs/}. Problems are collected, not thrown, so the {@code schedules}
 * command can list them all; the server refuses to start while there is one.
 */
public final class JobScheduleLoader {

	private JobScheduleLoader() {
	}

	/**
	 * @param knownJobs the jobs this application has; a file naming another is a problem
	 */
	public static JobSchedules load(Path dir, Collection<String> knownJobs) {
		List<JobSchedule> schedules = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<String> jobsSeen = new ArrayList<>();
		for (Path file : jobFiles(dir, problems)) {
			try {
				Map<String, Object> root = JobFiles.read(file);
				Object job = root.get("job");
				if (!(job instanceof String name) || name.isBlank()) {
					problems.add(file + ": job must name the job this file defines, e.g. job: nightlyJob");
					continue;
				}
				if (!knownJobs.contains(name)) {
					problems.add(file + ": job '" + name + "' is not a job SuccessPilot has; the jobs are "
							+ knownJobs.stream().sorted().toList());
					continue;
				}
				if (jobsSeen.contains(name)) {
					problems.add(file + ": job '" + name + "' is already defined by another file");
					continue;
				}
				jobsSeen.add(name);
				if (root.get("schedule") != null) {
					schedules.add(schedule(name, file, root.get("schedule")));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		return new JobSchedules(dir, knownJobs.stream().sorted().toList(), List.copyOf(schedules),
				List.copyOf(problems));
	}

	private static JobSchedule schedule(String job, Path file, Object section) {
		if (!(section instanceof Map<?, ?> schedule)) {
			throw new IllegalArgumentException(file + ": schedule must be a mapping with cron and time-zone, e.g. "
					+ "schedule: {cron: \"0 30 1 * * *\", time-zone: Asia/Tokyo}");
		}
		for (Object key : schedule.keySet()) {
			if (!"cron".equals(key) && !"time-zone".equals(key)) {
				throw new IllegalArgumentException(
						file + ": schedule." + key + " is not a schedule setting; use cron and time-zone");
			}
		}
		return JobSchedule.of(job, file, text(schedule.get("cron")), text(schedule.get("time-zone")));
	}

	private static List<Path> jobFiles(Path dir, List<String> problems) {
		if (!Files.isDirectory(dir)) {
			problems.add(dir + ": the job definitions folder does not exist");
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().matches(".*\\.ya?ml"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			problems.add(dir + ": cannot be read: " + ex.getMessage());
			return List.of();
		}
	}

	private static String text(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}
