/**
 * How runs are started and watched: the in-process claim per job, the background pool,
 * run numbering, reading schedules, the scheduler of a serving process, progress on the
 * command line, and the runs and schedules API.
 */
package com.successpilot.run.internal;
