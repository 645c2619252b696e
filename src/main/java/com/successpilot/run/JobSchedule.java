package com.successpilot.run;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * When a job runs by itself: a Spring cron expression (six fields, seconds first, or a
 * macro such as {@code @daily}) read in the job's own time zone, so "01:30" means 01:30
 * in Tokyo whatever zone the server runs in. A scheduled run's business date is the day
 * the trigger fires, in that zone.
 *
 * @param job the job it starts
 * @param source the job definition file it was declared in, for messages
 * @param cron the cron expression as written
 * @param timeZone the zone the expression and the business date are read in
 */
public record JobSchedule(String job, Path source, String cron, ZoneId timeZone) {

	public JobSchedule {
		expression(cron, source);
	}

	/**
	 * Reads a schedule as written in a job definition.
	 * @throws IllegalArgumentException naming the file and the bad value
	 */
	public static JobSchedule of(String job, Path source, String cron, String timeZone) {
		if (cron == null || cron.isBlank()) {
			throw new IllegalArgumentException(source + ": schedule.cron is missing (e.g. cron: \"0 30 1 * * *\")");
		}
		return new JobSchedule(job, source, cron.trim(), zone(timeZone, source));
	}

	/**
	 * The next {@code count} times the schedule fires after {@code after}, in its zone.
	 */
	public List<ZonedDateTime> nextFireTimes(Instant after, int count) {
		CronExpression expression = expression(this.cron, this.source);
		List<ZonedDateTime> times = new ArrayList<>();
		ZonedDateTime time = after.atZone(this.timeZone);
		while (times.size() < count) {
			time = expression.next(time);
			if (time == null) {
				break;
			}
			times.add(time);
		}
		return times;
	}

	/**
	 * The business date of a run started at {@code instant}: that day in the schedule's
	 * zone.
	 */
	public LocalDate businessDate(Instant instant) {
		return LocalDate.ofInstant(instant, this.timeZone);
	}

	/**
	 * The trigger a scheduler fires this schedule with.
	 */
	public CronTrigger trigger() {
		return new CronTrigger(this.cron, this.timeZone);
	}

	private static CronExpression expression(String cron, Path source) {
		try {
			return CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					source + ": schedule.cron '" + cron + "' is not a valid cron expression (" + ex.getMessage()
							+ "); use six fields, seconds first, e.g. \"0 30 1 * * *\" for 01:30 every "
							+ "day, or a macro such as @daily");
		}
	}

	private static ZoneId zone(String timeZone, Path source) {
		if (timeZone == null || timeZone.isBlank()) {
			return ZoneId.systemDefault();
		}
		try {
			return ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(source + ": schedule.time-zone '" + timeZone
					+ "' is not a known time zone; use a region name such as Asia/Tokyo, Europe/Berlin or UTC");
		}
	}

}
