package com.successpilot.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.scheduling.support.SimpleTriggerContext;

import com.successpilot.run.internal.JobScheduleLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules as operators write them in {@code batch-jobs/}: cron expressions read in the
 * job's own time zone, and every mistake reported with its file and the bad value.
 */
class JobScheduleTests {

	private static final Set<String> JOBS = Set.of("nightlyJob", "renewalJob", "importJob");

	@TempDir
	Path batchJobs;

	@Test
	void theShippedJobDefinitionsScheduleTheNightlyAndTheRenewalRun() {
		JobSchedules schedules = JobScheduleLoader.load(Path.of("batch-jobs"), JOBS);

		assertThat(schedules.problems()).isEmpty();
		JobSchedule nightly = schedules.of("nightlyJob").orElseThrow();
		assertThat(nightly.cron()).isEqualTo("0 30 1 * * *");
		assertThat(nightly.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThat(schedules.of("renewalJob")).isPresent();
		assertThat(schedules.of("importJob")).isEmpty();
		// every job, scheduled or not, for the schedules command and /api/schedules
		assertThat(schedules.jobs()).containsExactly("importJob", "nightlyJob", "renewalJob");
	}

	@Test
	void nextFireTimeIsComputedInTheJobsTimeZone() throws IOException {
		write("nightly-job.yml", "job: nightlyJob\nschedule:\n  cron: \"0 30 1 * * *\"\n  time-zone: Asia/Tokyo\n");
		JobSchedule nightly = JobScheduleLoader.load(this.batchJobs, JOBS).of("nightlyJob").orElseThrow();
		Instant noonUtc = Instant.parse("2026-03-01T12:00:00Z");

		// 01:30 in Tokyo is 16:30 UTC the day before
		assertThat(nightly.nextFireTimes(noonUtc, 3)).extracting((time) -> time.toInstant())
			.containsExactly(Instant.parse("2026-03-01T16:30:00Z"), Instant.parse("2026-03-02T16:30:00Z"),
					Instant.parse("2026-03-03T16:30:00Z"));
		assertThat(nightly.trigger().nextExecution(new SimpleTriggerContext(Clock.fixed(noonUtc, ZoneOffset.UTC))))
			.isEqualTo(Instant.parse("2026-03-01T16:30:00Z"));
		// and the run it starts is for that day in Tokyo
		assertThat(nightly.businessDate(Instant.parse("2026-03-01T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 2));
	}

	@Test
	void macrosAndDaysOfTheWeekAreAccepted() throws IOException {
		write("nightly-job.yml", "job: nightlyJob\nschedule: {cron: \"@daily\", time-zone: UTC}\n");
		write("renewal-job.yml", "job: renewalJob\nschedule: {cron: \"0 0 5 * * MON\", time-zone: Europe/Berlin}\n");

		JobSchedules schedules = JobScheduleLoader.load(this.batchJobs, JOBS);

		assertThat(schedules.problems()).isEmpty();
		assertThat(schedules.of("nightlyJob").orElseThrow().nextFireTimes(Instant.parse("2026-03-01T12:00:00Z"), 1))
			.extracting((time) -> time.toInstant())
			.containsExactly(Instant.parse("2026-03-02T00:00:00Z"));
		// Monday 2 March 2026, 05:00 in Berlin (CET, UTC+1)
		assertThat(schedules.of("renewalJob").orElseThrow().nextFireTimes(Instant.parse("2026-03-01T12:00:00Z"), 1))
			.extracting((time) -> time.toInstant())
			.containsExactly(Instant.parse("2026-03-02T04:00:00Z"));
	}

	@Test
	void aBadCronExpressionIsReportedWithItsFileAndValue() throws IOException {
		write("nightly-job.yml", "job: nightlyJob\nschedule:\n  cron: \"30 1 * * *\"\n  time-zone: Asia/Tokyo\n");

		JobSchedules schedules = JobScheduleLoader.load(this.batchJobs, JOBS);

		assertThat(schedules.schedules()).isEmpty();
		assertThat(schedules.problems()).singleElement()
			.asString()
			.contains("nightly-job.yml")
			.contains("schedule.cron '30 1 * * *' is not a valid cron expression")
			.contains("six fields");
	}

	@Test
	void anUnknownTimeZoneIsReportedWithItsFileAndValue() throws IOException {
		write("renewal-job.yml", "job: renewalJob\nschedule:\n  cron: \"0 0 5 * * MON\"\n  time-zone: Asia/Tokio\n");

		JobSchedules schedules = JobScheduleLoader.load(this.batchJobs, JOBS);

		assertThat(schedules.problems()).singleElement()
			.asString()
			.contains("renewal-job.yml")
			.contains("schedule.time-zone 'Asia/Tokio' is not a known time zone");
	}

	@Test
	void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
		write("a-job.yml", "job: nightlyJob\nschedule: {cron: \"never\"}\n");
		write("b-job.yml", "job: weeklyJob\nschedule: {cron: \"@weekly\"}\n");
		write("c-job.yml", "description: no job here\n");
		write("d-job.yml", "job: renewalJob\nschedule: {cron: \"@daily\", timezone: UTC}\n");
		write("e-job.yml", "job: [unclosed\n");

		JobSchedules schedules = JobScheduleLoader.load(this.batchJobs, JOBS);

		assertThat(schedules.problems()).hasSize(5);
		assertThat(String.join("\n", schedules.problems())).contains("a-job.yml: schedule.cron 'never'")
			.contains("b-job.yml: job 'weeklyJob' is not a job SuccessPilot has")
			.contains("c-job.yml: job must name the job")
			.contains("d-job.yml: schedule.timezone is not a schedule setting")
			.contains("e-job.yml: is not valid YAML");
	}

	@Test
	void withoutATimeZoneTheServersZoneIsUsed() throws IOException {
		write("nightly-job.yml", "job: nightlyJob\nschedule: {cron: \"0 30 1 * * *\"}\n");

		assertThat(JobScheduleLoader.load(this.batchJobs, JOBS).of("nightlyJob").orElseThrow().timeZone())
			.isEqualTo(ZoneId.systemDefault());
	}

	private void write(String file, String yaml) throws IOException {
		Files.writeString(this.batchJobs.resolve(file), yaml);
	}

}
