package com.successpilot.benchmark;

import java.util.List;

/**
 * The feeds of the demo portfolio in import order, each with its CSV header (as
 * {@code portfolio/internal/Feed} writes it) and the rows it becomes: the same columns,
 * natural keys and defaults as the import's targets ({@code ingest/internal/FeedTargets}
 * with the column mappings of {@code batch-jobs/nightly-job.yml}), so a bulk-loaded
 * portfolio holds the same rows as an imported one ({@code BulkLoadTests} compares them).
 * <p>
 * Values are converted as the generator writes them (ISO dates,
 * {@code true}/{@code false}, plain decimals); the import's other formats
 * ({@code 2026/11/23}, {@code 1,200}, {@code yes}) and its row checks are not repeated
 * here: this is the benchmark's loader for files it generated itself, not a second
 * import.
 */
final class BulkLoadFeeds {

	/** The named usage metrics the usage feed carries besides its columns. */
	static final List<String> USAGE_METRICS = List.of("reports_created", "integrations_active");

	/** Resolves the account's external id; a row of an unknown account is not loaded. */
	private static final String ACCOUNT = "JOIN accounts a ON a.external_id = s.account_id";

	private BulkLoadFeeds() {
	}

	static List<BulkLoadFeed> all() {
		return List.of(csms(), accounts(), contracts(), usage(), tickets(), nps(), goals(), goalPeriods(),
				segmentThresholds(), accountThresholds());
	}

	private static BulkLoadFeed csms() {
		return BulkLoadFeed.named("csms")
			.text("email", 254)
			.text("name", 200)
			.text("language", 8)
			.into("csms", "email")
			.column("email", "LOWER(" + text("email") + ")")
			.column("name", text("name"))
			.column("language", choice("language"))
			.end()
			.build();
	}

	private static BulkLoadFeed accounts() {
		return BulkLoadFeed.named("accounts")
			.text("account_id", 64)
			.text("name", 300)
			.text("segment", 40)
			.text("industry", 100)
			.text("csm_email", 254)
			.text("lifecycle_stage", 20)
			.values("start_date", "go_live_date")
			.text("contact_name", 200)
			.text("contact_email", 254)
			.into("accounts", "external_id")
			.column("external_id", text("account_id"))
			.column("name", text("name"))
			.column("segment", text("segment"))
			.column("industry", text("industry"))
			.column("csm_id", "c.id")
			.column("lifecycle_stage", choice("lifecycle_stage"))
			.column("start_date", value("start_date"))
			.column("go_live_date", value("go_live_date"))
			.column("main_contact_name", text("contact_name"))
			.column("main_contact_email", "LOWER(" + text("contact_email") + ")")
			.join("LEFT JOIN csms c ON c.email = LOWER(TRIM(s.csm_email))")
			// an unknown CSM rejects the row in the import; no CSM is allowed
			.where("TRIM(s.csm_email) = '' OR c.id IS NOT NULL")
			.end()
			.build();
	}

	private static BulkLoadFeed contracts() {
		return BulkLoadFeed.named("contracts")
			.text("contract_id", 64)
			.text("account_id", 64)
			.text("product", 100)
			.values("start_date", "end_date", "arr")
			.text("currency", 3)
			.values("licensed_seats", "auto_renew")
			.text("status", 20)
			.into("contracts", "external_id")
			.column("external_id", text("contract_id"))
			.column("account_id", "a.id")
			.column("product", text("product"))
			.column("start_date", value("start_date"))
			.column("end_date", value("end_date"))
			.column("arr", value("arr"))
			.column("currency", text("currency"))
			.column("licensed_seats", value("licensed_seats"))
			.column("auto_renew", flag("auto_renew"))
			.column("status", choice("status", "active"))
			.join(ACCOUNT)
			.end()
			.build();
	}

	private static BulkLoadFeed usage() {
		BulkLoadFeed.Builder usage = BulkLoadFeed.named("usage")
			.text("account_id", 64)
			.values("date", "active_users", "logins", "key_events", "value_milestones")
			.values(USAGE_METRICS.toArray(String[]::new))
			.into("daily_usage", "account_id", "usage_date")
			.column("account_id", "a.id")
			.column("usage_date", value("date"))
			.column("active_users", value("active_users"))
			.column("logins", value("logins"))
			.column("key_events", valueOr("key_events", "0"))
			.column("value_milestones", valueOr("value_milestones", "0"))
			.join(ACCOUNT)
			.end();
		// as FeedOutcomeWriter: one usage_metrics row per named metric with a value
		for (String metric : USAGE_METRICS) {
			usage.into("usage_metrics", "account_id", "usage_date", "metric")
				.column("account_id", "a.id")
				.column("usage_date", value("date"))
				.column("metric", "'" + metric + "'")
				.column("metric_value", "s." + metric)
				.join(ACCOUNT)
				.where("s." + metric + " <> ''")
				.end();
		}
		return usage.build();
	}

	private static BulkLoadFeed tickets() {
		return BulkLoadFeed.named("tickets")
			.text("ticket_id", 64)
			.text("account_id", 64)
			.text("subject", 500)
			.values("opened_at", "closed_at")
			.text("priority", 10)
			.values("escalated", "csat")
			.into("support_tickets", "external_id")
			.column("external_id", text("ticket_id"))
			.column("account_id", "a.id")
			.column("subject", text("subject"))
			.column("opened_at", value("opened_at"))
			.column("closed_at", value("closed_at"))
			.column("priority", choice("priority"))
			.column("escalated", flag("escalated"))
			.column("csat", value("csat"))
			.join(ACCOUNT)
			.end()
			.build();
	}

	private static BulkLoadFeed nps() {
		return BulkLoadFeed.named("nps")
			.text("response_id", 64)
			.text("account_id", 64)
			.values("responded_on", "score")
			.text("respondent_role", 30)
			.text("comment", 2000)
			.into("nps_responses", "external_id")
			.column("external_id", text("response_id"))
			.column("account_id", "a.id")
			.column("responded_on", value("responded_on"))
			.column("score", value("score"))
			.column("respondent_role", choice("respondent_role", "other"))
			.column("comment", text("comment"))
			.join(ACCOUNT)
			.end()
			.build();
	}

	private static BulkLoadFeed goals() {
		return BulkLoadFeed.named("goals")
			.text("goal_id", 64)
			.text("account_id", 64)
			.text("name", 300)
			.text("metric", 100)
			.text("unit", 30)
			.values("baseline", "target", "due_date")
			.into("success_goals", "external_id")
			.column("external_id", text("goal_id"))
			.column("account_id", "a.id")
			.column("name", text("name"))
			.column("metric", text("metric"))
			.column("unit", text("unit"))
			.column("baseline", value("baseline"))
			.column("target", value("target"))
			.column("due_date", value("due_date"))
			.join(ACCOUNT)
			.end()
			.build();
	}

	private static BulkLoadFeed goalPeriods() {
		return BulkLoadFeed.named("goal-periods")
			.text("goal_id", 64)
			.text("period", 20)
			.values("period_start", "period_end", "target", "actual")
			.into("goal_periods", "goal_id", "period")
			.column("goal_id", "g.id")
			.column("period", text("period"))
			.column("period_start", value("period_start"))
			.column("period_end", value("period_end"))
			.column("target", value("target"))
			.column("actual", value("actual"))
			.join("JOIN success_goals g ON g.external_id = s.goal_id")
			.end()
			.build();
	}

	private static BulkLoadFeed segmentThresholds() {
		return BulkLoadFeed.named("segment-thresholds")
			.text("segment", 40)
			.text("threshold", 64)
			.values("value")
			.text("description", 500)
			.into("segment_thresholds", "segment", "name")
			.column("segment", text("segment"))
			.column("name", text("threshold"))
			.column("threshold_value", value("value"))
			.column("description", text("description"))
			.end()
			.build();
	}

	private static BulkLoadFeed accountThresholds() {
		return BulkLoadFeed.named("account-thresholds")
			.text("account_id", 64)
			.text("threshold", 64)
			.values("value", "agreed_on")
			.text("note", 500)
			.into("account_thresholds", "account_id", "name")
			.column("account_id", "a.id")
			.column("name", text("threshold"))
			.column("threshold_value", value("value"))
			.column("agreed_on", value("agreed_on"))
			.column("note", text("note"))
			.join(ACCOUNT)
			.end()
			.build();
	}

	/** Trimmed text, empty as NULL (as the import reads a field). */
	private static String text(String column) {
		return "NULLIF(TRIM(s." + column + "), '')";
	}

	/** One of a set of words, stored in lower case. */
	private static String choice(String column) {
		return "LOWER(" + text(column) + ")";
	}

	private static String choice(String column, String whenEmpty) {
		return "COALESCE(" + choice(column) + ", '" + whenEmpty + "')";
	}

	/**
	 * A number, date or date and time as the generator writes it, converted by the
	 * column's type; empty as NULL.
	 */
	private static String value(String column) {
		return "NULLIF(s." + column + ", '')";
	}

	private static String valueOr(String column, String whenEmpty) {
		return "COALESCE(" + value(column) + ", " + whenEmpty + ")";
	}

	/** {@code true}/{@code false} (and the import's other spellings); empty is false. */
	private static String flag(String column) {
		return "LOWER(s." + column + ") IN ('true', 'yes', 'y', '1')";
	}

}
