package com.successpilot.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.run.internal.BackgroundRuns;
import com.successpilot.run.internal.RunClaims;
import com.successpilot.run.internal.RunNumbering;
import com.successpilot.run.internal.UnknownEnds;
import com.successpilot.system.NotFoundException;

/**
 * Starts runs: from the command line (waiting for the run to end), and for the API and
 * the scheduler (in the background). A run is identified by job, business date and run
 * number: after a completed run the same date gets the next number (a re-run), after a
 * failed one the failed run continues where it stopped.
 * <p>
 * One run per job at a time: a second run of a job that is running — for any business
 * date, in this process or another — is refused before anything happens. In this process
 * the job is claimed first, so two requests at the same moment cannot both start it.
 */
@Component
public class RunLauncher implements AutoCloseable {

	/** The job parameter numbering the runs of one business date. */
	public static final String RUN_NUMBER = "run";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<String, Job> jobs;

	private final List<RunPreflight> preflights;

	private final RunProgress progress;

	private final RunClaims claims = new RunClaims();

	private final BackgroundRuns background;

	private final RunNumbering numbering;

	private final UnknownEnds unknownEnds;

	/**
	 * @param runListeners listeners of every run of every job (e.g. for metrics): each
	 * {@link JobExecutionListener} bean is registered with each job here
	 */
	RunLauncher(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, List<RunPreflight> preflights,
			RunProgress progress, List<JobExecutionListener> runListeners) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
		this.preflights = preflights;
		this.progress = progress;
		jobs.forEach(progress::attach);
		for (Job job : jobs) {
			if (job instanceof AbstractJob abstractJob) {
				runListeners.forEach(abstractJob::registerJobExecutionListener);
			}
		}
		this.numbering = new RunNumbering(jobRepository);
		this.unknownEnds = new UnknownEnds(jobRepository);
		this.background = new BackgroundRuns(jobRepository, this.claims, jobs.size());
	}

	/**
	 * The names of the jobs that can be run, sorted.
	 */
	public Set<String> jobNames() {
		return new TreeSet<>(this.jobs.keySet());
	}

	/**
	 * Whether a run of the job is going: being started or running in this process, or
	 * recorded as running in the job repository.
	 */
	public boolean isGoing(String jobName) {
		return this.claims.isClaimed(jobName) || !this.jobRepository.findRunningJobExecutions(jobName).isEmpty();
	}

	/**
	 * Runs a job for a business date and waits for it to end.
	 * @param fresh start a new run even when the last one failed
	 */
	public JobExecution run(String jobName, LocalDate businessDate, boolean fresh) throws Exception {
		return run(jobName, businessDate, fresh, false);
	}

	/**
	 * Runs a job for a business date and waits for it to end.
	 * @param fresh start a new run even when the last one failed
	 * @param recover a run of the job is marked as still going but the process that ran
	 * it is gone (a crash, {@code kill -9}): mark it failed, then start (a failed run of
	 * the same date continues where it stopped)
	 */
	public JobExecution run(String jobName, LocalDate businessDate, boolean fresh, boolean recover) throws Exception {
		return launch(job(jobName), businessDate, fresh, recover, false);
	}

	/**
	 * Runs a job that is not one of the application's beans (e.g. a benchmark's).
	 */
	public JobExecution run(Job job, LocalDate businessDate, boolean fresh) throws Exception {
		this.progress.attach(job);
		return launch(job, businessDate, fresh, false, false);
	}

	/**
	 * Starts a run in the background and returns at once, with the run's execution id.
	 * @param fresh start a new run even when the last one of the date failed
	 */
	public JobExecution start(String jobName, LocalDate businessDate, boolean fresh) throws Exception {
		return launch(job(jobName), businessDate, fresh, false, true);
	}

	/**
	 * Continues a failed or stopped run where it stopped, in the background: same
	 * business date, same run number.
	 * @throws NotFoundException when there is no such execution
	 * @throws IllegalStateException when the run completed, is running or was abandoned
	 */
	public JobExecution restart(long executionId) throws Exception {
		JobExecution execution = execution(executionId)
			.orElseThrow(() -> new NotFoundException("There is no run with execution id " + executionId));
		JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
		String run = describe(last) + ", run " + runNumber(last) + ",";
		if (last.isRunning()) {
			throw new RunAlreadyGoingException(run + " is still running (execution " + last.getId() + ")");
		}
		if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
			throw new IllegalStateException(run + " is " + last.getStatus() + " (execution " + last.getId()
					+ "); only a FAILED or STOPPED run can be restarted. To run the date again, start a new run.");
		}
		Job job = this.jobs.get(execution.getJobInstance().getJobName());
		if (job == null) {
			throw new IllegalStateException(run + " belongs to a job this server no longer has");
		}
		RunClaims.Claim claim = claim(job.getName());
		try {
			refuseWhileRunning(job.getName(), false);
			this.preflights.forEach((preflight) -> preflight.check(job.getName()));
			return this.claims.handOverTo(claim, () -> start(this.background::start, job, last.getJobParameters()));
		}
		finally {
			this.claims.releaseUnlessHandedOver(claim);
		}
	}

	/**
	 * The execution with this id as the job repository has it.
	 */
	public Optional<JobExecution> execution(long executionId) {
		try {
			return Optional.ofNullable(this.jobRepository.getJobExecution(executionId));
		}
		catch (EmptyResultDataAccessException ex) {
			// the JDBC job repository throws rather than return null for an unknown id
			return Optional.empty();
		}
	}

	/**
	 * All executions of the run that {@code execution} belongs to, oldest first, so a
	 * summary can include what an earlier, failed attempt already did.
	 */
	public List<JobExecution> attemptsOf(JobExecution execution) {
		List<JobExecution> attempts = new ArrayList<>(this.jobRepository.getJobExecutions(execution.getJobInstance()));
		attempts.sort(Comparator.comparing(JobExecution::getId));
		return attempts;
	}

	@Override
	public void close() {
		this.background.close();
	}

	private Job job(String jobName) {
		Job job = this.jobs.get(jobName);
		if (job == null) {
			throw new IllegalArgumentException("There is no job called '" + jobName + "'; the jobs are " + jobNames());
		}
		return job;
	}

	private JobExecution launch(Job job, LocalDate businessDate, boolean fresh, boolean recover, boolean inBackground)
			throws Exception {
		String jobName = job.getName();
		RunClaims.Claim claim = claim(jobName);
		try {
			refuseWhileRunning(jobName, recover);
			this.preflights.forEach((preflight) -> preflight.check(jobName));
			JobParameters parameters = this.numbering.next(jobName, businessDate, fresh);
			this.unknownEnds.takeOver(jobName, parameters, recover);
			if (!inBackground) {
				return start(this.jobOperator::start, job, parameters);
			}
			return this.claims.handOverTo(claim, () -> start(this.background::start, job, parameters));
		}
		finally {
			this.claims.releaseUnlessHandedOver(claim);
		}
	}

	private RunClaims.Claim claim(String jobName) {
		RunClaims.Claim claim = this.claims.claim(jobName);
		if (claim == null) {
			refuseWhileRunning(jobName, false);
			throw new RunAlreadyGoingException(jobName + " is being started in this process right now; a second run "
					+ "of the same job is refused while one is going.");
		}
		return claim;
	}

	private void refuseWhileRunning(String jobName, boolean recover) {
		for (JobExecution running : this.jobRepository.findRunningJobExecutions(jobName)) {
			if (recover) {
				this.jobOperator.recover(running);
				continue;
			}
			throw new RunAlreadyGoingException(
					describe(running) + " is already running (run " + runNumber(running) + ", execution "
							+ running.getId() + ", started " + running.getStartTime() + "); a second run of " + jobName
							+ " is refused while one is going. If the process that ran it has died (a crash, kill -9), "
							+ "use 'run " + jobName + " --recover' on the command line: the run is marked failed and "
							+ "continues where it stopped.");
		}
	}

	private static JobExecution start(Starter starter, Job job, JobParameters parameters) throws Exception {
		try {
			return starter.start(job, parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new RunAlreadyGoingException(job.getName() + " is already running: " + ex.getMessage());
		}
		catch (JobInstanceAlreadyCompleteException | JobRestartException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (InvalidJobParametersException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private static String describe(JobExecution execution) {
		return execution.getJobInstance().getJobName() + " for "
				+ execution.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE, null);
	}

	private static Long runNumber(JobExecution execution) {
		return execution.getJobParameters().getLong(RUN_NUMBER);
	}

	@FunctionalInterface
	private interface Starter {

		JobExecution start(Job job, JobParameters parameters) throws Exception;

	}

	/**
	 * Refusal to start a run while the same job is still running.
	 */
	public static class RunAlreadyGoingException extends IllegalStateException {

		RunAlreadyGoingException(String message) {
			super(message);
		}

	}

}
