package com.successpilot.run;

/**
 * A check a run must pass before it starts (e.g. the rule set compiles). A failed check
 * refuses the run with its message; nothing is imported or judged.
 */
public interface RunPreflight {

	/**
	 * @param jobName the job about to start
	 * @throws RunRefusedException when the run must not start, with the full report
	 */
	void check(String jobName);

	/**
	 * The refusal, with a report a person can act on.
	 */
	class RunRefusedException extends IllegalStateException {

		public RunRefusedException(String message) {
			super(message);
		}

	}

}
