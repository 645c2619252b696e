package com.successpilot.task;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A task as a CSM sees it in a list: what to do, for which account, by when, and why.
 *
 * @param csm the account's CSM, {@code null} when the account has none
 * @param type the playbook's type, e.g. {@code risk}
 * @param priority {@code high}, {@code medium} or {@code low}
 * @param rule the rule that raised it
 * @param closedBy the username that closed it, or {@code rules} when auto-closed
 * @param rank its score and the parts it is made of, {@code null} for tasks raised before
 * ranking existed
 * @param deliveredOn when it reached its CSM, {@code null} while held back
 */
public record TaskView(long id, Account account, Csm csm, String playbook, String type, String priority, String title,
		String description, LocalDate dueDate, TaskStatus status, LocalDate snoozedUntil, boolean urgent, String rule,
		String why, LocalDate createdOn, LocalDate lastSeenOn, LocalDateTime closedAt, String closedBy,
		String closeReason, Rank rank, LocalDate deliveredOn) {

	/**
	 * A task's score (0 to 100) as {@code rules/attention.yml} computes it: the sum of
	 * its parts, in points.
	 */
	public record Rank(double score, double severity, double value, double time, double trend) {

		/**
		 * E.g. {@code 72.5 = severity 40 + value 12.5 + time 14 + trend 6}.
		 */
		public String explained() {
			return shown(this.score) + " = severity " + shown(this.severity) + " + value " + shown(this.value)
					+ " + time " + shown(this.time) + " + trend " + shown(this.trend);
		}

		private static String shown(double points) {
			return (points == Math.rint(points)) ? String.valueOf((long) points) : String.valueOf(points);
		}

	}

	/**
	 * @param id the database id
	 * @param externalId the id in the feeds, e.g. {@code ACC-000123}
	 */
	public record Account(long id, String externalId, String name) {

	}

	public record Csm(long id, String name, String email) {

	}

}
