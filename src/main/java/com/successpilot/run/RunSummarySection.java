package com.successpilot.run;

import java.io.PrintStream;

import org.springframework.batch.core.job.JobExecution;

/**
 * A feature's part of the run summary (tasks raised, health grades, mails sent). Sections
 * print after the import, in bean order.
 */
public interface RunSummarySection {

	void print(JobExecution execution, PrintStream out);

}
