package com.successpilot.run;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code schedules}: every job, its cron expression and time zone from
 * {@code batch-jobs/}, and when it fires next — in its zone and in the server's — or the
 * problems that would stop the server from starting.
 */
@Component
class SchedulesCommand extends Command {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd (EEE) HH:mm:ss", Locale.ROOT);

	private final JobSchedules schedules;

	private final Clock clock;

	SchedulesCommand(JobSchedules schedules, Clock clock) {
		super("schedules", "[--count=3]",
				"list each job's schedule from batch-jobs/ and its next fire times, or what is wrong with them");
		this.schedules = schedules;
		this.clock = clock;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) {
		int count = arguments.number("count", 3);
		Instant now = this.clock.instant();
		ZoneId server = ZoneId.systemDefault();
		out.println("Job schedules in " + this.schedules.dir() + " (read when the server starts: restart it after "
				+ "a change). Server time zone: " + server);
		for (String job : this.schedules.jobs()) {
			JobSchedule schedule = this.schedules.of(job).orElse(null);
			if (schedule == null) {
				out.printf("%n  %s: not scheduled%s (runs when started from the command line or the API)%n", job,
						this.schedules.problems().isEmpty() ? "" : " or its schedule has a problem (below)");
				continue;
			}
			out.printf("%n  %s: cron \"%s\" in %s (%s)%n", job, schedule.cron(), schedule.timeZone(),
					schedule.source().getFileName());
			for (ZonedDateTime time : schedule.nextFireTimes(now, count)) {
				out.printf("    %s %s  =  %s server time%n", TIME.format(time), schedule.timeZone(),
						TIME.format(time.withZoneSameInstant(server)));
			}
		}
		if (this.schedules.problems().isEmpty()) {
			return 0;
		}
		out.println("\nProblems (the server will not start until they are fixed):");
		this.schedules.problems().forEach((problem) -> out.println("  " + problem));
		return 1;
	}

}
