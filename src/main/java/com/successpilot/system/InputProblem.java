package com.successpilot.system;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Bad input whose message a person reads in their language: the API answers 400 with the
 * message {@code key} of messages[_ja].properties in the request's language; on the
 * command line (and in logs) {@link #getMessage()} is the English text.
 */
public class InputProblem extends IllegalArgumentException {

	private final String key;

	private final transient Object[] arguments;

	public InputProblem(String key, Object... arguments) {
		super(key);
		this.key = key;
		this.arguments = arguments.clone();
	}

	public String key() {
		return this.key;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	@Override
	public String getMessage() {
		String pattern = ResourceBundle.getBundle("messages", Locale.ROOT).getString(this.key);
		return new MessageFormat(pattern, Locale.ROOT).format(this.arguments);
	}

}
