package com.successpilot.judgement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule set would have raised over the stored facts of past nights, per rule and
 * per playbook, and how early it flagged the accounts whose contracts later ended
 * (churned) or renewed for less (downgraded).
 *
 * @param version the version of the set replayed
 * @param from the first night asked for
 * @param to the last night asked for
 * @param nights the nights with stored facts in the range, replayed in order
 * @param accounts the accounts judged on at least one night
 * @param churned accounts whose contract ended without a renewal on or after {@code from}
 * @param downgraded accounts that renewed for a lower ARR on or after {@code from}
 * @param rows one per rule and one per playbook, then "(any)" for every task
 * @param outcomes every churned or downgraded account, and when it was first flagged
 * @param millis how long the replay took
 */
public record BacktestReport(String version, LocalDate from, LocalDate to, List<LocalDate> nights, int accounts,
		int churned, int downgraded, List<Row> rows, List<Outcome> outcomes, long millis) {

	/**
	 * What one rule or playbook raised.
	 *
	 * @param kind {@code rule}, {@code playbook} or {@code all}
	 * @param tasks the tasks it would have created, deduplicated across nights as the
	 * judgement step deduplicates them
	 * @param accounts the accounts it raised a task for
	 * @param churnedFlagged the churned accounts it raised a task for before their
	 * contract ended
	 * @param downgradedFlagged the same for downgraded accounts
	 * @param medianDaysBefore the median of the days between the first such task and the
	 * outcome, over the flagged accounts; null when none
	 * @param averageDaysBefore the average of the same
	 */
	public record Row(String kind, String name, int tasks, int accounts, int churnedFlagged, int downgradedFlagged,
			Double medianDaysBefore, Double averageDaysBefore) {

	}

	/**
	 * A churned or downgraded account.
	 *
	 * @param outcome {@code churned} or {@code downgraded}
	 * @param on the day the contract ended, or the downgraded renewal started
	 * @param firstFlagged the first night the set raised any task for it before then, or
	 * null
	 */
	public record Outcome(String accountId, String account, String outcome, LocalDate on, LocalDate firstFlagged) {

	}

	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Backtest of rules " + this.version + " over " + this.nights.size() + " night(s) with facts from "
				+ this.from + " to " + this.to + " (" + String.format("%,d", this.accounts) + " accounts, "
				+ String.format("%.1f s", this.millis / 1000.0) + "); nothing was written");
		lines
			.add("Outcomes known from the contracts: " + this.churned + " churned, " + this.downgraded + " downgraded");
		lines.add("");
		lines.add(String.format("%-9s %-44s %8s %9s %9s %11s %12s", "", "", "tasks", "accounts", "churned",
				"downgraded", "days before"));
		lines
			.add(String.format("%-9s %-44s %8s %9s %9s %11s %12s", "", "", "", "", "flagged", "flagged", "median/avg"));
		for (Row row : this.rows) {
			lines.add(String.format("%-9s %-44s %8s %9s %9s %11s %12s", row.kind(), cut(row.name(), 44),
					String.format("%,d", row.tasks()), String.format("%,d", row.accounts()),
					row.churnedFlagged() + "/" + this.churned, row.downgradedFlagged() + "/" + this.downgraded,
					days(row.medianDaysBefore()) + "/" + days(row.averageDaysBefore())));
		}
		return lines;
	}

	public String csv() {
		StringBuilder csv = new StringBuilder(
				"kind,name,tasks,accounts,churned_flagged,churned,downgraded_flagged,downgraded,median_days_before,"
						+ "average_days_before\n");
		for (Row row : this.rows) {
			csv.append(row.kind())
				.append(',')
				.append(row.name().contains(",") ? "\"" + row.name() + "\"" : row.name())
				.append(',')
				.append(row.tasks())
				.append(',')
				.append(row.accounts())
				.append(',')
				.append(row.churnedFlagged())
				.append(',')
				.append(this.churned)
				.append(',')
				.append(row.downgradedFlagged())
				.append(',')
				.append(this.downgraded)
				.append(',')
				.append((row.medianDaysBefore() != null) ? row.medianDaysBefore() : "")
				.append(',')
				.append((row.averageDaysBefore() != null) ? row.averageDaysBefore() : "")
				.append('\n');
		}
		return csv.toString();
	}

	private static String days(Double days) {
		return (days != null) ? String.format("%.0f", days) : "-";
	}

	private static String cut(String text, int width) {
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "…";
	}

}
