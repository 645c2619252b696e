package com.successpilot.run.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import com.successpilot.SuccessPilotApplication;
import com.successpilot.run.JobSchedule;
import com.successpilot.run.JobSchedules;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunLauncher.RunAlreadyGoingException;
import com.successpilot.run.RunPreflight.RunRefusedException;

/**
 * Starts the scheduled runs of a serving process: each job's cron trigger in the job's
 * time zone, the business date being that day in that zone. Runs start through
 * {@link RunLauncher} like any other, so the rule check, run numbering and the refusal of
 * a second run apply; a refused scheduled run is logged, with the reason. A schedule
 * problem stops the server from starting.
 */
@Component
@ConditionalOnProperty(name = SuccessPilotApplication.SERVING, havingValue = "true")
public class ScheduledRuns implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ScheduledRuns.class);

	private final RunLauncher launcher;

	private final JobSchedules schedules;

	private final Clock clock;

	private ThreadPoolTaskScheduler scheduler;

	public ScheduledRuns(RunLauncher launcher, JobSchedules schedules, Clock clock) {
		schedules.requireValid();
		this.launcher = launcher;
		this.schedules = schedules;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix("schedule-");
		this.scheduler.setClock(this.clock);
		this.scheduler.initialize();
		for (JobSchedule schedule : this.schedules.schedules()) {
			this.scheduler.schedule(() -> fire(schedule, this.clock.instant()), schedule.trigger());
			logger.info("Scheduled " + schedule.job() + ": " + schedule.cron() + " (" + schedule.timeZone()
					+ "), next at " + schedule.nextFireTimes(this.clock.instant(), 1));
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * What the trigger does: starts the job in the background for the day it fired on in
	 * the schedule's zone.
	 * @return the run started, or empty when it was refused (and logged)
	 */
	public Optional<JobExecution> fire(JobSchedule schedule, Instant firedAt) {
		LocalDate businessDate = schedule.businessDate(firedAt);
		String what = "Scheduled run of " + schedule.job() + " for " + businessDate + " (" + schedule.cron() + " "
				+ schedule.timeZone() + ")";
		try {
			JobExecution execution = this.launcher.start(schedule.job(), businessDate, false);
			logger.info(what + " started: execution " + execution.getId() + ", run "
					+ execution.getJobParameters().getLong(RunLauncher.RUN_NUMBER));
			return Optional.of(execution);
		}
		catch (RunAlreadyGoingException ex) {
			logger.warn(what + " did not start: " + ex.getMessage());
		}
		catch (RunRefusedException ex) {
			logger.error(what + " was refused: " + ex.getMessage());
		}
		catch (Exception ex) {
			logger.error(what + " could not start", ex);
		}
		return Optional.empty();
	}

}
