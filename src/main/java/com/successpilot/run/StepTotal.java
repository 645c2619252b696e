package com.successpilot.run;

import org.springframework.batch.core.step.StepExecution;

/**
 * How many items a step will process, worked out once when the step starts (e.g. the
 * accounts to judge), so progress can show a percentage and an ETA.
 */
@FunctionalInterface
public interface StepTotal {

	/**
	 * @return the number of items, or a negative number when it cannot be known
	 */
	long of(StepExecution step);

}
