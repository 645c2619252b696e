package com.successpilot.ingest.internal;

import static com.successpilot.ingest.internal.FieldSpec.of;
import static com.successpilot.ingest.internal.FieldType.ACCOUNT;
import static com.successpilot.ingest.internal.FieldType.BOOLEAN;
import static com.successpilot.ingest.internal.FieldType.CSM;
import static com.successpilot.ingest.internal.FieldType.DATE;
import static com.successpilot.ingest.internal.FieldType.DATE_TIME;
import static com.successpilot.ingest.internal.FieldType.DECIMAL;
import static com.successpilot.ingest.internal.FieldType.EMAIL;
import static com.successpilot.ingest.internal.FieldType.GOAL;
import static com.successpilot.ingest.internal.FieldType.INTEGER;
import static com.successpilot.ingest.internal.FieldType.TEXT;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of row a feed can deliver, keyed by the {@code target} named in
 * {@code batch-jobs/}. Adding a column to a table means declaring its field here.
 */
final class FeedTargets {

	/** The lifecycle stages of DOMAIN.md §1. */
	static final String[] LIFECYCLE_STAGES = { "onboarding", "support", "adoption", "renewal", "expansion",
			"advocacy" };

	/** The languages SuccessPilot writes to CSMs in. */
	static final String[] LANGUAGES = { "ja", "en" };

	private static final Map<String, FeedTarget> TARGETS = List
		.of(csm(), account(), contract(), dailyUsage(), supportTicket(), npsResponse(), successGoal(), goalPeriod(),
				segmentThreshold(), accountThreshold())
		.stream()
		.collect(Collectors.toUnmodifiableMap(FeedTarget::name, Function.identity()));

	/** The operation of a row that upserts (the default). */
	static final String SET = "set";

	/** The operation of a row that removes the row of its key. */
	static final String REMOVE = "remove";

	private FeedTargets() {
	}

	static FeedTarget find(String name) {
		return (name != null) ? TARGETS.get(name) : null;
	}

	static List<String> names() {
		return TARGETS.keySet().stream().sorted().toList();
	}

	private static FeedTarget csm() {
		return FeedTarget.named("csm", "csms")
			.key("email")
			.field(of("email", "email", EMAIL).required().maxLength(254))
			.field(of("name", "name", TEXT).required().maxLength(200))
			// the language of the CSM's mails and task texts; empty: the configured
			// default
			.field(of("language", "language", TEXT).oneOf(LANGUAGES))
			.build();
	}

	private static FeedTarget account() {
		return FeedTarget.named("account", "accounts")
			.key("external_id")
			.field(of("externalId", "external_id", TEXT).required().maxLength(64))
			.field(of("name", "name", TEXT).required().maxLength(300))
			.field(of("segment", "segment", TEXT).required().maxLength(40))
			.field(of("industry", "industry", TEXT).maxLength(100))
			.field(of("csmEmail", "csm_id", CSM))
			.field(of("lifecycleStage", "lifecycle_stage", TEXT).required().oneOf(LIFECYCLE_STAGES))
			.field(of("startDate", "start_date", DATE).required())
			.field(of("goLiveDate", "go_live_date", DATE))
			.field(of("contactName", "main_contact_name", TEXT).maxLength(200))
			.field(of("contactEmail", "main_contact_email", EMAIL).maxLength(254))
			.notBefore("go_live_date", "start_date")
			.build();
	}

	private static FeedTarget contract() {
		return FeedTarget.named("contract", "contracts")
			.key("external_id")
			.field(of("externalId", "external_id", TEXT).required().maxLength(64))
			.field(of("accountId", "account_id", ACCOUNT).required())
			.field(of("product", "product", TEXT).required().maxLength(100))
			.field(of("startDate", "start_date", DATE).required())
			.field(of("endDate", "end_date", DATE).required())
			.field(of("arr", "arr", DECIMAL).required().between(0, null))
			.field(of("currency", "currency", TEXT).required().maxLength(3))
			.field(of("licensedSeats", "licensed_seats", INTEGER).required().between(0, null))
			.field(of("autoRenew", "auto_renew", BOOLEAN).orElse(Boolean.FALSE))
			.field(of("status", "status", TEXT).orElse("active").oneOf("active", "pending", "expired", "cancelled"))
			.notBefore("end_date", "start_date")
			.build();
	}

	private static FeedTarget dailyUsage() {
		return FeedTarget.named("daily-usage", "daily_usage")
			.key("account_id", "usage_date")
			.field(of("accountId", "account_id", ACCOUNT).required())
			.field(of("usageDate", "usage_date", DATE).required())
			.field(of("activeUsers", "active_users", INTEGER).required().between(0, null))
			.field(of("logins", "logins", INTEGER).required().between(0, null))
			.field(of("keyEvents", "key_events", INTEGER).orElse(0L).between(0, null))
			.field(of("valueMilestones", "value_milestones", INTEGER).orElse(0L).between(0, null))
			.withMetrics()
			.datedBy("usage_date")
			.build();
	}

	private static FeedTarget supportTicket() {
		return FeedTarget.named("support-ticket", "support_tickets")
			.key("external_id")
			.field(of("externalId", "external_id", TEXT).required().maxLength(64))
			.field(of("accountId", "account_id", ACCOUNT).required())
			.field(of("subject", "subject", TEXT).maxLength(500))
			.field(of("openedAt", "opened_at", DATE_TIME).required())
			.field(of("closedAt", "closed_at", DATE_TIME))
			.field(of("priority", "priority", TEXT).required().oneOf("low", "normal", "high", "urgent"))
			.field(of("escalated", "escalated", BOOLEAN).orElse(Boolean.FALSE))
			.field(of("csat", "csat", INTEGER).between(1, 5L))
			.notBefore("closed_at", "opened_at")
			.datedBy("opened_at")
			.build();
	}

	private static FeedTarget npsResponse() {
		return FeedTarget.named("nps-response", "nps_responses")
			.key("external_id")
			.field(of("externalId", "external_id", TEXT).required().maxLength(64))
			.field(of("accountId", "account_id", ACCOUNT).required())
			.field(of("respondedOn", "responded_on", DATE).required())
			.field(of("score", "score", INTEGER).required().between(0, 10L))
			.field(of("respondentRole", "respondent_role", TEXT).orElse("other")
				.oneOf("executive", "decision-maker", "end-user", "admin", "other"))
			.field(of("comment", "comment", TEXT).maxLength(2000))
			.datedBy("responded_on")
			.build();
	}

	private static FeedTarget successGoal() {
		return FeedTarget.named("success-goal", "success_goals")
			.key("external_id")
			.field(of("externalId", "external_id", TEXT).required().maxLength(64))
			.field(of("accountId", "account_id", ACCOUNT).required())
			.field(of("name", "name", TEXT).required().maxLength(300))
			.field(of("metric", "metric", TEXT).required().maxLength(100))
			.field(of("unit", "unit", TEXT).maxLength(30))
			.field(of("baseline", "baseline", DECIMAL).required())
			.field(of("target", "target", DECIMAL).required())
			.field(of("dueDate", "due_date", DATE).required())
			.build();
	}

	private static FeedTarget goalPeriod() {
		return FeedTarget.named("goal-period", "goal_periods")
			.key("goal_id", "period")
			.field(of("goalId", "goal_id", GOAL).required())
			.field(of("period", "period", TEXT).required().maxLength(20))
			.field(of("periodStart", "period_start", DATE).required())
			.field(of("periodEnd", "period_end", DATE).required())
			.field(of("target", "target", DECIMAL).required())
			.field(of("actual", "actual", DECIMAL))
			.notBefore("period_end", "period_start")
			.build();
	}

	private static FeedTarget segmentThreshold() {
		return FeedTarget.named("segment-threshold", "segment_thresholds")
			.key("segment", "name")
			.field(of("segment", "segment", TEXT).required().maxLength(40))
			.field(of("name", "name", TEXT).required().maxLength(64))
			.field(of("value", "threshold_value", DECIMAL).required())
			.field(of("description", "description", TEXT).maxLength(500))
			.declaredThresholds()
			.build();
	}

	private static FeedTarget accountThreshold() {
		return FeedTarget.named("account-threshold", "account_thresholds")
			.key("account_id", "name")
			.field(of("accountId", "account_id", ACCOUNT).required())
			.field(of("name", "name", TEXT).required().maxLength(64))
			.field(of("value", "threshold_value", DECIMAL).required())
			.field(of("agreedOn", "agreed_on", DATE))
			.field(of("note", "note", TEXT).maxLength(500))
			.operation(of("action", "action", TEXT).oneOf(SET, REMOVE).orElse(SET))
			.declaredThresholds()
			.build();
	}

}
