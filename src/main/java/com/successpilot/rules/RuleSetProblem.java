package com.successpilot.rules;

/**
 * One reason a rule set cannot go live: the file (relative to the rules directory), the
 * line (0 when the problem is not on one line) and what is wrong.
 */
public record RuleSetProblem(String file, int line, String message) implements Comparable<RuleSetProblem> {

	@Override
	public int compareTo(RuleSetProblem other) {
		int byFile = this.file.compareTo(other.file);
		return (byFile != 0) ? byFile : Integer.compare(this.line, other.line);
	}

	/**
	 * {@code file:line: message}, the way compilers and editors show problems.
	 */
	@Override
	public String toString() {
		return this.file + ((this.line > 0) ? ":" + this.line : "") + ": " + this.message;
	}

}
