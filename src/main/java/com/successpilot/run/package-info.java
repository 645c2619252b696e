/**
 * Runs: the jobs' schedules from {@code batch-jobs/}, starting a run for a business date
 * from the command line, the API or the scheduler, continuing a failed run where it
 * stopped, one run per job at a time, progress per step, and the run summary a person
 * reads at the end. The jobs themselves are assembled in {@code jobs}; the modules whose
 * steps they run add their part of the summary, the run details and the checks before a
 * run through {@link com.successpilot.run.RunSummarySection},
 * {@link com.successpilot.run.RunDetailSection} and
 * {@link com.successpilot.run.RunPreflight}, which this module owns.
 * <p>
 * A run is one Spring Batch job instance identified by its business date and run number;
 * running the same date again after a completed run starts run number n+1, after a failed
 * run continues the failed one. Owns no table: runs are read from Spring Batch's job
 * repository.
 * <p>
 * Every log line of a run carries {@code runId}, {@code jobName} and {@code businessDate}
 * in the MDC.
 */
package com.successpilot.run;
