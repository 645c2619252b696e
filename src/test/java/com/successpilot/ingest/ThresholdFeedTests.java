package com.successpilot.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.run.RunLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thresholds feeds checked against the catalogue in {@code rules/thresholds.yml}: an
 * undeclared name or a value outside its range is rejected with the reason, and a value
 * agreed with a customer is removed by a row whose action is {@code remove}.
 */
@SuccessPilotTest
class ThresholdFeedTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	FeedFiles feeds;

	@BeforeEach
	void emptyPortfolioAndInbox() {
		this.feeds = FeedFiles.startingEmpty(this.definition, this.jdbc);
		this.feeds.dropStarterPortfolio();
	}

	@Test
	void anUndeclaredNameOrAValueOutOfRangeIsRejectedWithTheReason() throws Exception {
		this.feeds.drop("segment-thresholds", "thresholds.csv", """
				segment,threshold,value,description
				enterprise,seat_utilisation_min_pct,55,
				enterprise,seat_utilisation_min_pc,60,
				enterprise,csat_min,7,
				smb,seat_utilisation_min_pct,60,
				mid-market,seat_utilisation_min_pct,60,
				""");
		this.feeds.drop("account-thresholds", "agreed.csv", """
				account_id,threshold,value,agreed_on,note
				ACC-1,usage_decline_pct,35,2025-04-09,seasonal business
				ACC-1,seat_utilisation_min_pc,50,2025-04-09,
				ACC-2,seat_utilisation_min_pct,140,,
				ACC-2,csat_min,4.5,,
				ACC-3,csat_min,4.5,,
				""");

		JobExecution run = this.launcher.run("importJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(reasons("segment-thresholds")).containsExactly(Map.entry(3L,
				"threshold 'seat_utilisation_min_pc' is not declared in rules/thresholds.yml — did you mean 'seat_utilisation_min_pct'?"),
				Map.entry(4L, "csat_min 7 is outside its allowed range 1–5 (CSAT 1–5)"));
		assertThat(reasons("account-thresholds")).containsExactly(Map.entry(3L,
				"threshold 'seat_utilisation_min_pc' is not declared in rules/thresholds.yml — did you mean 'seat_utilisation_min_pct'?"),
				Map.entry(4L, "seat_utilisation_min_pct 140 is outside its allowed range 0–100 (%)"));
		assertThat(this.jdbc.queryForList("SELECT DISTINCT name FROM segment_thresholds", String.class))
			.containsExactly("seat_utilisation_min_pct");
		assertThat(this.jdbc.queryForList("SELECT name FROM account_thresholds ORDER BY name", String.class))
			.containsExactly("csat_min", "csat_min", "usage_decline_pct");
	}

	@Test
	void aRowWithActionRemoveRemovesTheAgreedValueAndKeepsWhatWasRemoved() throws Exception {
		this.feeds.drop("account-thresholds", "agreed.csv", """
				account_id,threshold,value,agreed_on,note
				ACC-1,usage_decline_pct,35,2025-04-09,seasonal business
				ACC-1,inactive_days_max,21,2025-04-09,
				""");
		JobExecution first = this.launcher.run("importJob", NIGHT, true);
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT name FROM account_thresholds ORDER BY name", String.class))
			.containsExactly("inactive_days_max", "usage_decline_pct");

		// a file from before the action column, and one with it: empty means "set"
		this.feeds.drop("account-thresholds", "removals.csv", """
				account_id,threshold,value,agreed_on,note,action
				ACC-1,usage_decline_pct,,,,remove
				ACC-1,inactive_days_max,28,2025-11-01,after the review,
				ACC-2,csat_min,,,,REMOVE
				""");
		JobExecution second = this.launcher.run("importJob", NIGHT.plusDays(1), true);

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT name, threshold_value FROM account_thresholds")).singleElement()
			.satisfies((row) -> {
				assertThat(row.get("name")).isEqualTo("inactive_days_max");
				assertThat(((Number) row.get("threshold_value")).doubleValue()).isEqualTo(28.0);
			});
		List<Map<String, Object>> removed = this.jdbc.queryForList(
				"SELECT r.name, r.threshold_value, r.agreed_on, r.note, r.removed_by, r.removed_via, r.removed_at "
						+ "FROM account_threshold_removals r JOIN accounts a ON a.id = r.account_id "
						+ "WHERE a.external_id = 'ACC-1'");
		assertThat(removed).singleElement().satisfies((row) -> {
			assertThat(row.get("name")).isEqualTo("usage_decline_pct");
			assertThat(((Number) row.get("threshold_value")).doubleValue()).isEqualTo(35.0);
			assertThat(row.get("agreed_on").toString()).isEqualTo("2025-04-09");
			assertThat(row.get("note")).isEqualTo("seasonal business");
			assertThat(row.get("removed_by")).isEqualTo("account-thresholds/removals.csv line 2");
			assertThat(row.get("removed_via")).isEqualTo("feed");
			assertThat(row.get("removed_at")).isNotNull();
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_threshold_removals", Integer.class))
			.as("removing a value that is not there removes nothing")
			.isOne();
		assertThat(reasons("account-thresholds")).isEmpty();
	}

	private Map<Long, String> reasons(String feed) {
		Map<Long, String> reasons = new TreeMap<>();
		this.jdbc.query("SELECT r.line_number, r.reason FROM import_rejections r JOIN import_files f "
				+ "ON f.id = r.import_file_id WHERE f.feed = ?", (rs) -> {
					reasons.put(rs.getLong(1), rs.getString(2));
				}, feed);
		return reasons;
	}

}
