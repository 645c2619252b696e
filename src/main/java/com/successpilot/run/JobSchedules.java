package com.successpilot.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The schedules declared in {@code batch-jobs/}, read once at start-up, and every problem
 * found reading them (a bad cron expression, an unknown time zone, a job that does not
 * exist), each naming its file.
 *
 * @param dir the folder the job definitions were read from
 * @param jobs every job SuccessPilot has, scheduled or not, by name
 * @param schedules one per scheduled job
 * @param problems what is wrong, one message per problem; empty when all is well
 */
public record JobSchedules(Path dir, List<String> jobs, List<JobSchedule> schedules, List<String> problems) {

	public Optional<JobSchedule> of(String job) {
		return this.schedules.stream().filter((schedule) -> schedule.job().equals(job)).findFirst();
	}

	/**
	 * The business date a run of the job started at {@code instant} is for: that day in
	 * the job's schedule zone, or in the server's zone for a job without a schedule.
	 */
	public LocalDate today(String job, Instant instant) {
		return of(job).map((schedule) -> schedule.businessDate(instant))
			.orElseGet(() -> LocalDate.ofInstant(instant, java.time.ZoneId.systemDefault()));
	}

	/**
	 * @throws IllegalStateException listing every problem, when there is one
	 */
	public void requireValid() {
		if (!this.problems.isEmpty()) {
			throw new IllegalStateException(
					"The job schedules in " + this.dir + " cannot be used:\n  " + String.join("\n  ", this.problems));
		}
	}

}
