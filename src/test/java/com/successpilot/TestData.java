package com.successpilot;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the application's tables (children before parents) so each test starts from a
 * known state on H2 and MariaDB alike. Spring Batch's own tables are left alone: runs are
 * told apart by their business date and run number.
 */
public final class TestData {

	private static final List<String> TABLES = List.of("api_tokens", "users", "run_reviews", "attention_nights",
			"attention_ledger", "mail_outbox", "rule_errors", "rule_firings", "health_scores", "task_events", "tasks",
			"account_facts", "rule_set_activations", "rule_set_files", "judged_runs", "import_rejections",
			"import_files", "usage_metrics", "daily_usage", "goal_periods", "success_goals", "nps_responses",
			"support_tickets", "account_threshold_removals", "account_thresholds", "segment_thresholds", "contracts",
			"accounts", "csms", "source_watermarks");

	private TestData() {
	}

	public static void deleteAll(JdbcTemplate jdbc) {
		TABLES.forEach((table) -> jdbc.update("DELETE FROM " + table));
	}

}
