package com.successpilot.portfolio.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The feeds of the nightly import, in import order, with their header columns.
 */
enum Feed {

	CSMS("csms", "email", "name", "language"),

	ACCOUNTS("accounts", "account_id", "name", "segment", "industry", "csm_email", "lifecycle_stage", "start_date",
			"go_live_date", "contact_name", "contact_email"),

	CONTRACTS("contracts", "contract_id", "account_id", "product", "start_date", "end_date", "arr", "currency",
			"licensed_seats", "auto_renew", "status"),

	USAGE("usage", "account_id", "date", "active_users", "logins", "key_events", "value_milestones", "reports_created",
			"integrations_active"),

	TICKETS("tickets", "ticket_id", "account_id", "subject", "opened_at", "closed_at", "priority", "escalated", "csat"),

	NPS("nps", "response_id", "account_id", "responded_on", "score", "respondent_role", "comment"),

	GOALS("goals", "goal_id", "account_id", "name", "metric", "unit", "baseline", "target", "due_date"),

	GOAL_PERIODS("goal-periods", "goal_id", "period", "period_start", "period_end", "target", "actual"),

	SEGMENT_THRESHOLDS("segment-thresholds", "segment", "threshold", "value", "description"),

	ACCOUNT_THRESHOLDS("account-thresholds", "account_id", "threshold", "value", "agreed_on", "note");

	private final String feedName;

	private final List<String> columns;

	Feed(String feedName, String... columns) {
		this.feedName = feedName;
		this.columns = List.of(columns);
	}

	String feedName() {
		return this.feedName;
	}

	List<String> columns() {
		return this.columns;
	}

	/**
	 * Where the importer looks for this feed's file of the given business date.
	 */
	Path file(Path inbox, LocalDate businessDate) {
		return inbox.resolve(this.feedName).resolve(this.feedName + "-" + businessDate + ".csv");
	}

}
