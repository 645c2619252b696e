package com.successpilot.rules.facts;

import java.time.LocalDate;

/**
 * A baseline an account is judged against, e.g. {@code usage_decline_pct = 20}: the
 * segment's default, or a value agreed with this customer ({@code source = "account"}).
 * Rules ask for a threshold by name and never hard-code the number.
 */
public final class Threshold {

	/** The threshold came from the account's segment defaults. */
	public static final String SEGMENT = "segment";

	/** The threshold was agreed with this customer. */
	public static final String ACCOUNT = "account";

	private final String accountId;

	private final String name;

	private final double value;

	private final String source;

	private final LocalDate agreedOn;

	private final String note;

	public Threshold(String accountId, String name, double value, String source) {
		this(accountId, name, value, source, null, null);
	}

	/**
	 * @param agreedOn when it was agreed with the customer ({@code null} for a segment
	 * default or when not recorded)
	 * @param note why it was agreed, in the customer's words, or {@code null}
	 */
	public Threshold(String accountId, String name, double value, String source, LocalDate agreedOn, String note) {
		this.accountId = accountId;
		this.name = name;
		this.value = value;
		this.source = source;
		this.agreedOn = agreedOn;
		this.note = note;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getName() {
		return this.name;
	}

	public double getValue() {
		return this.value;
	}

	public String getSource() {
		return this.source;
	}

	public LocalDate getAgreedOn() {
		return this.agreedOn;
	}

	public String getNote() {
		return this.note;
	}

	@Override
	public String toString() {
		return this.name + "=" + this.value + " (" + this.source + ")";
	}

}
