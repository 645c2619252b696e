/**
 * The jobs: the nightly job (one import step per feed of
 * {@code batch-jobs/nightly-job.yml}, then metrics → rules → attention → mail) and the
 * renewal job (the accounts renewing within its window), assembled from the steps the
 * modules below build. This module sits on top: nothing depends on it, and the modules
 * whose steps it wires know nothing of the jobs they run in.
 * <p>
 * Owns no table.
 */
package com.successpilot.jobs;
