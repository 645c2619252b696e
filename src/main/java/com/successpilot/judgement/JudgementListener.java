package com.successpilot.judgement;

/**
 * Told when a judgement step ends (completed or failed) what it did, so that metrics and
 * reports need not reach into the step.
 */
public interface JudgementListener {

	void judgementEnded(JudgementCounts counts);

	/**
	 * What one judgement step did.
	 *
	 * @param jobName the job the step belongs to
	 * @param stepName the step, e.g. {@code accountJudgementStep}
	 * @param accountsJudged accounts judged and recorded (in committed chunks)
	 * @param tasksCreated tasks this step created (refreshed ones do not count)
	 */
	record JudgementCounts(String jobName, String stepName, long accountsJudged, long tasksCreated) {

	}

}
