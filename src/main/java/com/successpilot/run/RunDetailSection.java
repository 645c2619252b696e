package com.successpilot.run;

import org.springframework.batch.core.job.JobExecution;

/**
 * A feature's part of a run's detail in the API ({@code GET /api/runs/{id}}): e.g. how
 * often each rule fired, or the mails the run produced. The run summary's counterpart for
 * machines.
 */
public interface RunDetailSection {

	/**
	 * The section's key under {@code outcomes}, e.g. {@code judgement}.
	 */
	String name();

	/**
	 * The section for the run, as JSON-ready values, or {@code null} when the run had no
	 * part of it (e.g. an import-only run has no judgement).
	 */
	Object describe(JobExecution execution);

}
