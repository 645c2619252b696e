package com.successpilot.playbook;

/**
 * Why a playbook file cannot be used: the file (relative to the rules directory), the
 * line (0 when unknown) and what is wrong.
 */
public record PlaybookProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return this.file + ((this.line > 0) ? ":" + this.line : "") + ": " + this.message;
	}

}
