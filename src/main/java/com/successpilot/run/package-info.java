/**
 * Jobs and runs: the nightly job (import → metrics → rules → mail) and the renewal job
 * (the accounts renewing soon), their schedules from {@code batch-jobs/}, starting a run
 * for a business date from the command line, the API or the scheduler, continuing a
 * failed run where it stopped, one run per job at a time, progress per step, and the run
 * summary a person reads at the end.
 * <p>
 * A run is one Spring Batch job instance identified by its business date and run number;
 * running the same date again after a completed run starts run number n+1, after a failed
 * run continues the failed one. Owns no table: runs are read from Spring Batch's job
 * repository.
 * <p>
 * Every log line of a run carries {@code runId}, {@code jobName} and {@code businessDate}
 * in the MDC; runs are counted for Prometheus
 * ({@code successpilot_accounts_evaluated_total}, {@code successpilot_new_tasks_total}).
 */
package com.successpilot.run;
