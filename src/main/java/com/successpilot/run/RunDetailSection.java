package com.successpilot.run;

import java.util.function.Predicate;

import org.springframework.batch.core.job.JobExecution;

/**
 * A feature's part of a run's detail in the API ({@code GET /api/runs/{id}}): e.g. how
 * often each rule fired, or the mails the run produced. The run summary's counterpart for
 * machines. A section is there only when the run went through the feature's step (an
 * import-only run has no judgement), so a section says which step that is and describes a
 * run that had it.
 */
public abstract class RunDetailSection {

	private final String name;

	private final Predicate<String> step;

	/**
	 * @param name the section's key under {@code outcomes}, e.g. {@code judgement}
	 * @param step the step (name) a run must have gone through to have the section
	 */
	protected RunDetailSection(String name, Predicate<String> step) {
		this.name = name;
		this.step = step;
	}

	/**
	 * @param step the name of the step a run must have gone through to have the section
	 */
	protected RunDetailSection(String name, String step) {
		this(name, step::equals);
	}

	/**
	 * The section's key under {@code outcomes}.
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The section for the run, or {@code null} when the run had no part of it.
	 */
	public Object describe(JobExecution execution) {
		return RanSteps.includes(execution, this.step) ? describe(execution.getJobInstance().getInstanceId()) : null;
	}

	/**
	 * The section for a run that went through the step, as JSON-ready values.
	 * @param run the run's id (its job instance), as the feature's tables record it
	 */
	protected abstract Object describe(long run);

}
