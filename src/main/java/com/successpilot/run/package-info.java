/**
 * Jobs and runs: the nightly job (import → metrics → rules → mail as those features
 * arrive), starting a run for a business date, continuing a failed run where it stopped,
 * and the run summary a person reads at the end.
 * <p>
 * A run is one Spring Batch job instance identified by its business date and run number;
 * running the same date again after a completed run starts run number n+1, after a failed
 * run continues the failed one.
 * <p>
 * Every log line of a run carries {@code runId}, {@code jobName} and {@code businessDate}
 * in the MDC; runs are counted for Prometheus
 * ({@code successpilot_accounts_evaluated_total}, {@code successpilot_new_tasks_total}).
 */
package com.successpilot.run;
