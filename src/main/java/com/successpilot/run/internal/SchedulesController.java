package com.successpilot.run.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.run.JobSchedule;
import com.successpilot.run.JobSchedules;

/**
 * {@code /api/schedules} (OPS): every job with its schedule from {@code batch-jobs/} and
 * its next fire times.
 */
@Tag(name = "runs")
@RestController
@RequestMapping("/api/schedules")
class SchedulesController {

	private static final int NEXT_FIRE_TIMES = 3;

	private final JobSchedules schedules;

	private final Clock clock;

	SchedulesController(JobSchedules schedules, Clock clock) {
		this.schedules = schedules;
		this.clock = clock;
	}

	/**
	 * A job and when it runs by itself; {@code cron} and the times are {@code null} for a
	 * job without a schedule.
	 */
	record ScheduleView(String job, boolean scheduled, String cron, String timeZone, String definedIn,
			OffsetDateTime nextFireTime, List<OffsetDateTime> nextFireTimes) {

	}

	@Operation(operationId = "listSchedules",
			summary = "Every job with its schedule from batch-jobs/ and its next fire times")
	@GetMapping
	List<ScheduleView> list() {
		Instant now = this.clock.instant();
		return this.schedules.jobs().stream().map((job) -> this.schedules.of(job).map((schedule) -> {
			List<OffsetDateTime> times = schedule.nextFireTimes(now, NEXT_FIRE_TIMES)
				.stream()
				.map((time) -> time.toOffsetDateTime())
				.toList();
			return new ScheduleView(job, true, schedule.cron(), schedule.timeZone().getId(), fileName(schedule),
					times.isEmpty() ? null : times.get(0), times);
		}).orElse(new ScheduleView(job, false, null, null, null, null, List.of()))).toList();
	}

	private static String fileName(JobSchedule schedule) {
		return schedule.source().getFileName().toString();
	}

}
