package com.successpilot.run;

import java.util.function.Predicate;

import org.springframework.batch.core.job.JobExecution;

/**
 * Which steps a run went through: a module's part of the run summary or detail is there
 * only when the run ran the module's step.
 */
public final class RanSteps {

	private RanSteps() {
	}

	/**
	 * Whether the run has a step of that name.
	 */
	public static boolean includes(JobExecution execution, String stepName) {
		return includes(execution, stepName::equals);
	}

	/**
	 * Whether the run has a step whose name matches, e.g. any judgement step.
	 */
	public static boolean includes(JobExecution execution, Predicate<String> stepName) {
		return execution.getStepExecutions().stream().anyMatch((step) -> stepName.test(step.getStepName()));
	}

}
