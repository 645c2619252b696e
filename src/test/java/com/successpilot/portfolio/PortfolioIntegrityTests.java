package com.successpilot.portfolio;

import static com.successpilot.portfolio.SamplePortfolio.BUSINESS_DATE;
import static com.successpilot.portfolio.SamplePortfolio.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds hang together the way the importer expects: every reference resolves, every
 * value is in its column's domain, usage covers its window.
 */
class PortfolioIntegrityTests {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@TempDir
	static Path inbox;

	static SamplePortfolio portfolio;

	@BeforeAll
	static void generate() throws Exception {
		portfolio = SamplePortfolio.generate(inbox);
	}

	@Test
	void everyReferencedAccountExists() {
		Set<String> accountIds = Set.copyOf(portfolio.accounts.column("account_id"));
		assertThat(accountIds).hasSize(SamplePortfolio.ACCOUNTS);
		for (FeedTable feed : List.of(portfolio.contracts, portfolio.usage, portfolio.tickets, portfolio.nps,
				portfolio.goals, portfolio.accountThresholds)) {
			assertThat(accountIds).containsAll(feed.column("account_id"));
		}
	}

	@Test
	void everyCsmEmailExistsAndCsmsAreUniqueOnExampleDomains() {
		List<String> emails = portfolio.csms.column("email");
		assertThat(emails).hasSize(10).doesNotHaveDuplicates().allMatch((email) -> email.endsWith(".example"));
		assertThat(emails).containsAll(portfolio.accounts.column("csm_email"));
	}

	@Test
	void everyGoalPeriodRefersToAGoalAndActualsStopAtTheCurrentMonth() {
		Set<String> goalIds = Set.copyOf(portfolio.goals.column("goal_id"));
		assertThat(portfolio.goals.rows()).allSatisfy((goal) -> assertThat(goal.get("metric")).matches("[a-z_]+"));
		for (Map<String, String> period : portfolio.goalPeriods.rows()) {
			assertThat(goalIds).contains(period.get("goal_id"));
			assertThat(period.get("period")).isEqualTo(period.get("period_start").substring(0, 7));
			boolean started = !LocalDate.parse(period.get("period_start")).isAfter(BUSINESS_DATE);
			assertThat(period.get("actual").isEmpty()).as(period.toString()).isEqualTo(!started);
		}
		Map<String, Long> goalsPerAccount = portfolio.goals.rows()
			.stream()
			.collect(Collectors.groupingBy((goal) -> goal.get("account_id"), Collectors.counting()));
		assertThat(goalsPerAccount).hasSize(SamplePortfolio.ACCOUNTS).allSatisfy((account, goals) -> {
			assertThat(goals).isBetween(1L, 3L);
		});
	}

	@Test
	void usageCoversNinetyDaysForAccountsOlderThanNinetyDaysAndTheirLifeForYoungerOnes() {
		Map<String, List<Map<String, String>>> usage = portfolio.usage.byAccount();
		for (Map<String, String> account : portfolio.accounts.rows()) {
			List<Map<String, String>> days = usage.get(account.get("account_id"));
			long age = daysAgo(account.get("start_date"));
			assertThat(days).as(account.get("account_id")).hasSize((int) Math.min(90, age));
			assertThat(days.get(days.size() - 1).get("date")).isEqualTo(BUSINESS_DATE.minusDays(1).toString());
			assertThat(days.get(0).get("date")).isEqualTo(BUSINESS_DATE.minusDays(Math.min(90, age)).toString());
		}
		assertThat(portfolio.accounts.rows()).anyMatch((account) -> daysAgo(account.get("start_date")) > 90)
			.anyMatch((account) -> daysAgo(account.get("start_date")) < 90);
	}

	@Test
	void usageIsPlausible() {
		Map<String, List<Map<String, String>>> usage = portfolio.usage.byAccount();
		for (String accountId : usage.keySet()) {
			int seats = portfolio.seats(accountId);
			for (Map<String, String> day : usage.get(accountId)) {
				int active = number(day, "active_users");
				assertThat(active).as(day.toString()).isBetween(0, seats + seats / 25);
				assertThat(number(day, "logins")).as(day.toString()).isGreaterThanOrEqualTo(active);
				assertThat(number(day, "value_milestones")).isBetween(0, 2);
			}
		}
	}

	@Test
	void everyAccountHasOneActivePlatformContractRenewingWithinAYear() {
		Map<String, List<Map<String, String>>> contracts = portfolio.contracts.byAccount();
		assertThat(contracts).hasSize(SamplePortfolio.ACCOUNTS);
		Set<String> contractIds = new HashSet<>();
		contracts.forEach((accountId, rows) -> {
			List<Map<String, String>> platforms = rows.stream()
				.filter((row) -> row.get("status").equals("active") && row.get("product").startsWith("Platform"))
				.toList();
			assertThat(platforms).as(accountId).hasSize(1);
			assertThat(-daysAgo(platforms.get(0).get("end_date"))).isBetween(0L, 366L);
			rows.forEach((row) -> assertThat(contractIds.add(row.get("contract_id"))).isTrue());
		});
		assertThat(portfolio.contracts.column("status")).contains("expired").containsOnly("active", "expired");
		assertThat(portfolio.contracts.column("arr")).allMatch((arr) -> arr.matches("\\d+(\\.\\d{1,2})?"));
		assertThat(portfolio.contracts.rows()).filteredOn((row) -> !row.get("product").startsWith("Platform"))
			.isNotEmpty();
	}

	@Test
	void renewalDatesAreSpreadOverTheComingYear() {
		List<Long> daysToRenewal = portfolio.contracts.rows()
			.stream()
			.filter((row) -> row.get("status").equals("active") && row.get("product").startsWith("Platform"))
			.map((row) -> -daysAgo(row.get("end_date")))
			.toList();
		for (long window : List.of(30L, 60L, 90L, 120L)) {
			assertThat(daysToRenewal).as("renewing within %d days", window).anyMatch((days) -> days <= window);
		}
		assertThat(daysToRenewal).anyMatch((days) -> days > 300);
	}

	@Test
	void valuesAreInTheirDomains() {
		assertThat(portfolio.accounts.column("segment")).containsOnly("enterprise", "mid-market", "smb");
		assertThat(portfolio.accounts.column("lifecycle_stage")).containsOnly("onboarding", "adoption", "renewal",
				"expansion", "advocacy");
		assertThat(portfolio.accounts.column("go_live_date")).contains("");
		assertThat(portfolio.contracts.column("currency")).containsOnly("JPY", "USD");
		assertThat(portfolio.contracts.column("auto_renew")).containsOnly("true", "false");
		assertThat(portfolio.tickets.column("priority")).containsOnly("low", "normal", "high", "urgent");
		assertThat(portfolio.tickets.column("escalated")).containsOnly("true", "false");
		assertThat(portfolio.tickets.column("csat")).containsOnly("", "1", "2", "3", "4", "5");
		assertThat(portfolio.tickets.column("closed_at")).contains("");
		for (Map<String, String> ticket : portfolio.tickets.rows()) {
			LocalDateTime opened = LocalDateTime.parse(ticket.get("opened_at"), DATE_TIME);
			assertThat(opened).isBefore(BUSINESS_DATE.atStartOfDay());
			if (!ticket.get("closed_at").isEmpty()) {
				assertThat(LocalDateTime.parse(ticket.get("closed_at"), DATE_TIME)).isAfter(opened);
			}
		}
		assertThat(portfolio.nps.column("respondent_role")).containsOnly("executive", "decision-maker", "end-user",
				"admin");
		assertThat(portfolio.nps.rows()).allSatisfy((response) -> {
			assertThat(Integer.parseInt(response.get("score"))).isBetween(0, 10);
			assertThat(daysAgo(response.get("responded_on"))).isBetween(1L, 180L);
		});
		assertThat(portfolio.nps.byAccount().values())
			.allSatisfy((responses) -> assertThat(responses).hasSizeBetween(1, 3));
	}

	@Test
	void thresholdsCoverEverySegmentAndOverridesNameKnownThresholds() {
		Map<String, List<Map<String, String>>> bySegment = portfolio.segmentThresholds.rows()
			.stream()
			.collect(Collectors.groupingBy((row) -> row.get("segment")));
		assertThat(bySegment).containsOnlyKeys("enterprise", "mid-market", "smb");
		Set<String> names = Set.copyOf(portfolio.segmentThresholds.column("threshold"));
		assertThat(names).containsExactlyInAnyOrder("first_value_days", "usage_decline_pct", "seat_utilisation_min_pct",
				"expansion_seat_utilisation_pct", "inactive_days_max", "support_open_tickets_max",
				"support_escalations_max_30d", "csat_min", "nps_detractor_max", "nps_drop_points",
				"goal_attainment_min_pct", "renewal_health_min");
		bySegment.values().forEach((rows) -> assertThat(rows).hasSize(names.size()));

		Set<String> overridden = new HashSet<>();
		for (Map<String, String> override : portfolio.accountThresholds.rows()) {
			assertThat(names).contains(override.get("threshold"));
			assertThat(overridden.add(override.get("account_id") + "/" + override.get("threshold"))).isTrue();
			assertThat(override.get("note")).isNotBlank();
		}
		assertThat(portfolio.accountThresholds.byAccount().size()).isBetween(20, 60);
	}

	private static int number(Map<String, String> row, String column) {
		return Integer.parseInt(row.get(column));
	}

}
