package com.successpilot.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;

import com.successpilot.run.internal.JobScheduleLoader;
import com.successpilot.system.CommandArguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schedules}: every job the application has, scheduled or not, with its next fire
 * times in its own zone; a problem in {@code batch-jobs/} makes it exit 1.
 */
class SchedulesCommandTests {

	private static final Clock NOON_UTC = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@Test
	void listsEveryJobWithItsNextFireTimesOrThatItIsNotScheduled() throws Exception {
		JobSchedules schedules = JobScheduleLoader.load(Path.of("batch-jobs"),
				Set.of("nightlyJob", "renewalJob", "importJob"));

		int exit = run(new SchedulesCommand(schedules, NOON_UTC), "schedules", "--count=2");

		assertThat(exit).isZero();
		String output = this.printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("importJob: not scheduled (runs when started from the command line or the API)")
			.contains("nightlyJob: cron \"0 30 1 * * *\" in Asia/Tokyo (nightly-job.yml)")
			.contains("2026-03-02 (Mon) 01:30:00 Asia/Tokyo")
			.contains("2026-03-03 (Tue) 01:30:00 Asia/Tokyo")
			.doesNotContain("2026-03-04 (Wed) 01:30:00 Asia/Tokyo")
			.contains("renewalJob: cron");
	}

	@Test
	void aProblemInTheJobDefinitionsIsListedAndExitsWithOne() throws Exception {
		JobSchedules broken = new JobSchedules(Path.of("batch-jobs"), List.of("nightlyJob"), List.of(),
				List.of("batch-jobs/nightly-job.yml: schedule.time-zone 'Asia/Tokio' is not a known time zone"));

		int exit = run(new SchedulesCommand(broken, NOON_UTC), "schedules");

		assertThat(exit).isEqualTo(1);
		assertThat(this.printed.toString(StandardCharsets.UTF_8))
			.contains("nightlyJob: not scheduled or its schedule has a problem (below)")
			.contains("Problems (the server will not start until they are fixed):")
			.contains("  batch-jobs/nightly-job.yml: schedule.time-zone 'Asia/Tokio' is not a known time zone");
	}

	private int run(SchedulesCommand command, String... args) throws Exception {
		return command.run(new CommandArguments(new DefaultApplicationArguments(args)),
				new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

}
