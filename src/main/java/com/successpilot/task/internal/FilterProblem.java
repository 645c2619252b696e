package com.successpilot.task.internal;

/**
 * A filter of the task list the page does not offer, as a key of the {@code task-pages}
 * words and its arguments, so that the page names the problem in the reader's language.
 */
class FilterProblem extends IllegalArgumentException {

	private final String key;

	private final transient Object[] arguments;

	FilterProblem(String key, Object... arguments) {
		super(key + " " + java.util.Arrays.toString(arguments));
		this.key = key;
		this.arguments = arguments.clone();
	}

	String key() {
		return this.key;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
