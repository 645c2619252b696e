package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One account on the portfolio and renewals pages (and a line of the CSV): its health now
 * and on the run before (the trend), what it is worth, when it renews, its open tasks
 * and, for renewals, the latest task of a renewal playbook.
 *
 * @param previousScore the overall score of the run before the latest, {@code null}
 * without one
 * @param renewalPlaybook the playbook of the account's latest renewal task, {@code null}
 * without one
 * @param renewalTaskStatus its status ({@code OPEN}, {@code SNOOZED}, {@code DONE} …)
 */
public record PortfolioRow(long id, String externalId, String name, String segment, String stage, Long csmId,
		String csmName, BigDecimal arr, String currency, LocalDate renewalDate, Integer daysToRenewal, String grade,
		BigDecimal score, BigDecimal previousScore, int openTasks, Long renewalTaskId, String renewalPlaybook,
		String renewalTaskStatus) {

	/** A change of less than one point is no trend. */
	private static final BigDecimal STEADY = BigDecimal.ONE;

	/**
	 * {@code up}, {@code down}, {@code flat}, or {@code null} without two runs to
	 * compare.
	 */
	public String trend() {
		if (this.score == null || this.previousScore == null) {
			return null;
		}
		BigDecimal change = this.score.subtract(this.previousScore);
		if (change.compareTo(STEADY) >= 0) {
			return "up";
		}
		return (change.compareTo(STEADY.negate()) <= 0) ? "down" : "flat";
	}

	/**
	 * The ARR as people read it, e.g. {@code USD 1,234,567}; empty without one. Formatted
	 * here rather than in the template: a page shows up to 1,000 rows.
	 */
	public String arrText() {
		if (this.arr == null) {
			return "";
		}
		String amount = grouped(this.arr.setScale(0, RoundingMode.HALF_UP).longValue());
		return (this.currency != null) ? this.currency + " " + amount : amount;
	}

	/**
	 * A whole number with thousands separators, e.g. {@code 1,234,567} (what {@code %,d}
	 * gives, without a formatter per row).
	 */
	static String grouped(long number) {
		String digits = Long.toString(number);
		StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
		if (number < 0) {
			text.append('-');
			digits = digits.substring(1);
		}
		int head = digits.length() % 3;
		text.append(digits, 0, head);
		for (int i = head; i < digits.length(); i += 3) {
			if (i > 0) {
				text.append(',');
			}
			text.append(digits, i, i + 3);
		}
		return text.toString();
	}

	/**
	 * The trend as an arrow and the change, e.g. {@code ▼ -23.0}; empty without a run
	 * before.
	 */
	public String trendText() {
		String trend = trend();
		if (trend == null) {
			return "";
		}
		return switch (trend) {
			case "up" -> "▲ ";
			case "down" -> "▼ ";
			default -> "▶ ";
		} + change().toPlainString();
	}

	/**
	 * The change since the run before, in points, {@code null} without one.
	 */
	public BigDecimal change() {
		return (this.score != null && this.previousScore != null) ? this.score.subtract(this.previousScore) : null;
	}

	/**
	 * Which renewal bucket the account is in: 30, 60, 90 or 120 (days at most).
	 */
	public int bucket() {
		int days = (this.daysToRenewal != null) ? this.daysToRenewal : Integer.MAX_VALUE;
		return (days <= 30) ? 30 : (days <= 60) ? 60 : (days <= 90) ? 90 : 120;
	}

}
