package com.successpilot.portfolio;

import static com.successpilot.portfolio.SamplePortfolio.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * What a CSM (and a rule) can see of each archetype in the feeds alone.
 */
class ArchetypeSignalsTests {

	@TempDir
	static Path inbox;

	static SamplePortfolio portfolio;

	static Map<String, List<Map<String, String>>> usage;

	@BeforeAll
	static void generate() throws Exception {
		portfolio = SamplePortfolio.generate(inbox);
		usage = portfolio.usage.byAccount();
	}

	@Test
	void onboardingStalledAccountsStartedOver30DaysAgoAndReachedNoValueMilestone() {
		List<Map<String, String>> stalled = portfolio.accountsOf(Archetype.ONBOARDING_STALLED);
		assertThat(stalled).hasSize(4 * Archetype.ONBOARDING_STALLED.perHundred());
		for (Map<String, String> account : stalled) {
			String id = account.get("account_id");
			assertThat(daysAgo(account.get("start_date"))).as(id).isBetween(35L, 80L);
			assertThat(account.get("lifecycle_stage")).isEqualTo("onboarding");
			List<Map<String, String>> days = usage.get(id);
			assertThat(days.get(0).get("date")).as("usage since the start").isEqualTo(account.get("start_date"));
			assertThat(days).as(id).allSatisfy((day) -> assertThat(day.get("value_milestones")).isEqualTo("0"));
			assertThat(averageActiveUsers(id, 1, 30)).as(id).isLessThan(0.25 * portfolio.seats(id) + 3);
		}
	}

	@Test
	void youngHealthyAccountsReachFirstValueWithinTheirSegmentsTime() {
		List<Map<String, String>> young = portfolio.accountsOf(Archetype.HEALTHY)
			.stream()
			.filter((account) -> daysAgo(account.get("start_date")) <= 90)
			.filter((account) -> !account.get("go_live_date").isEmpty() && daysAgo(account.get("go_live_date")) > 5)
			.toList();
		assertThat(young).isNotEmpty();
		for (Map<String, String> account : young) {
			String firstValue = usage.get(account.get("account_id"))
				.stream()
				.filter((day) -> !day.get("value_milestones").equals("0"))
				.map((day) -> day.get("date"))
				.findFirst()
				.orElseThrow();
			long daysToValue = daysAgo(account.get("start_date")) - daysAgo(firstValue);
			assertThat(daysToValue).as(account.get("account_id"))
				.isLessThanOrEqualTo((long) threshold(account.get("segment"), "first_value_days"));
		}
	}

	@Test
	void decliningAccountsHaveFarFewerActiveUsersInTheLast30DaysThanInThe30Before() {
		List<Map<String, String>> declining = portfolio.accountsOf(Archetype.DECLINING_USAGE);
		assertThat(declining).isNotEmpty();
		for (Map<String, String> account : declining) {
			String id = account.get("account_id");
			assertThat(averageActiveUsers(id, 1, 30)).as(id).isLessThanOrEqualTo(0.7 * averageActiveUsers(id, 31, 60));
		}
	}

	@Test
	void healthyEstablishedAccountsDoNotDecline() {
		for (Map<String, String> account : portfolio.accountsOf(Archetype.HEALTHY)) {
			String id = account.get("account_id");
			if (daysAgo(account.get("start_date")) > 120) {
				// the strictest segment counts a 20 % drop as a decline
				assertThat(averageActiveUsers(id, 1, 30)).as(id).isGreaterThan(0.8 * averageActiveUsers(id, 31, 60));
			}
		}
	}

	@Test
	void onlyExpansionReadyAccountsPeakAtTheExpansionThreshold() {
		for (Map<String, String> account : portfolio.accounts.rows()) {
			String id = account.get("account_id");
			boolean expansionReady = DemoPortfolio.archetypeOf(id, SamplePortfolio.SEED) == Archetype.EXPANSION_READY;
			int peak = lastDays(id, 1, 30).stream()
				.mapToInt((day) -> Integer.parseInt(day.get("active_users")))
				.max()
				.orElse(0);
			assertThat(peak >= 0.85 * portfolio.seats(id)).as(id).isEqualTo(expansionReady);
		}
	}

	@Test
	void expansionReadyAccountsUseAtLeast90PercentOfTheirSeatsOnWorkingDays() {
		List<Map<String, String>> ready = portfolio.accountsOf(Archetype.EXPANSION_READY);
		assertThat(ready).isNotEmpty();
		for (Map<String, String> account : ready) {
			String id = account.get("account_id");
			int seats = portfolio.seats(id);
			List<Map<String, String>> workingDays = lastDays(id, 1, 30).stream()
				.filter((day) -> !SamplePortfolio.isWeekend(day.get("date")))
				.toList();
			assertThat(workingDays).as(id)
				.allSatisfy((day) -> assertThat(Integer.parseInt(day.get("active_users")))
					.isGreaterThanOrEqualTo((int) Math.ceil(0.9 * seats)));
			assertThat(account.get("lifecycle_stage")).isEqualTo("expansion");
		}
	}

	@Test
	void promotersGaveA9Or10InTheLast60Days() {
		Map<String, List<Map<String, String>>> nps = portfolio.nps.byAccount();
		for (Map<String, String> account : portfolio.accountsOf(Archetype.PROMOTER)) {
			assertThat(nps.get(account.get("account_id"))).as(account.get("account_id")).anySatisfy((response) -> {
				assertThat(Integer.parseInt(response.get("score"))).isBetween(9, 10);
				assertThat(daysAgo(response.get("responded_on"))).isLessThanOrEqualTo(60);
			});
		}
	}

	@Test
	void renewalAtRiskAccountsRenewWithin120DaysWithLowUsageADetractorAndAnOpenEscalation() {
		Map<String, List<Map<String, String>>> contracts = portfolio.contracts.byAccount();
		Map<String, List<Map<String, String>>> nps = portfolio.nps.byAccount();
		Map<String, List<Map<String, String>>> tickets = portfolio.tickets.byAccount();
		for (Map<String, String> account : portfolio.accountsOf(Archetype.RENEWAL_AT_RISK)) {
			String id = account.get("account_id");
			assertThat(contracts.get(id)).filteredOn((contract) -> contract.get("status").equals("active"))
				.allSatisfy((contract) -> assertThat(-daysAgo(contract.get("end_date"))).isBetween(15L, 120L));
			assertThat(averageActiveUsers(id, 1, 30)).as(id).isLessThan(0.5 * portfolio.seats(id));
			assertThat(nps.get(id))
				.anySatisfy((response) -> assertThat(Integer.parseInt(response.get("score"))).isLessThanOrEqualTo(6));
			assertThat(tickets.get(id)).anySatisfy((ticket) -> {
				assertThat(ticket.get("escalated")).isEqualTo("true");
				assertThat(ticket.get("closed_at")).isEmpty();
			});
		}
	}

	@Test
	void supportHeavyAccountsHaveManyRecentTicketsEscalationsAndLowCsat() {
		Map<String, List<Map<String, String>>> tickets = portfolio.tickets.byAccount();
		for (Map<String, String> account : portfolio.accountsOf(Archetype.SUPPORT_HEAVY)) {
			List<Map<String, String>> recent = tickets.get(account.get("account_id"))
				.stream()
				.filter((ticket) -> daysAgo(ticket.get("opened_at").substring(0, 10)) <= 30)
				.toList();
			assertThat(recent).hasSizeGreaterThanOrEqualTo(6);
			assertThat(recent).filteredOn((ticket) -> ticket.get("escalated").equals("true"))
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(recent).filteredOn((ticket) -> !ticket.get("csat").isEmpty())
				.allSatisfy((ticket) -> assertThat(Integer.parseInt(ticket.get("csat"))).isLessThanOrEqualTo(3));
		}
	}

	@Test
	void japaneseCustomersHaveJapaneseNamesAndPayInYen() {
		Map<String, List<Map<String, String>>> contracts = portfolio.contracts.byAccount();
		List<Map<String, String>> japanese = portfolio.accounts.rows()
			.stream()
			.filter((account) -> account.get("name").contains("株式会社"))
			.toList();
		assertThat(japanese).hasSizeGreaterThan(SamplePortfolio.ACCOUNTS / 3);
		assertThat(japanese).allSatisfy((account) -> assertThat(contracts.get(account.get("account_id")))
			.allSatisfy((contract) -> assertThat(contract.get("currency")).isEqualTo("JPY")));
		assertThat(portfolio.csms.column("name")).anyMatch((name) -> name.matches("\\p{IsHan}+ \\p{IsHan}+"));
		assertThat(portfolio.tickets.column("subject")).anyMatch((subject) -> subject.matches(".*\\p{IsHiragana}.*"));
	}

	@Test
	void namesWithCommasAndQuotesAreQuotedAndReadBackIntact() throws Exception {
		String raw = Files.readString(inbox.resolve("accounts/accounts-2026-11-23.csv"));
		List<String> names = portfolio.accounts.column("name");
		List<String> needQuoting = names.stream().filter((name) -> name.contains(",") || name.contains("\"")).toList();
		assertThat(needQuoting).anyMatch((name) -> name.contains(",")).anyMatch((name) -> name.contains("\""));
		for (String name : needQuoting) {
			assertThat(raw).contains("," + '"' + name.replace("\"", "\"\"") + '"' + ",");
		}
		assertThat(names).filteredOn((name) -> name.contains("株式会社"))
			.allSatisfy((name) -> assertThat(raw).contains("," + name + ","));
	}

	private static double threshold(String segment, String name) {
		return portfolio.segmentThresholds.rows()
			.stream()
			.filter((row) -> row.get("segment").equals(segment) && row.get("threshold").equals(name))
			.mapToDouble((row) -> Double.parseDouble(row.get("value")))
			.findFirst()
			.orElseThrow();
	}

	private static double averageActiveUsers(String accountId, int fromDaysAgo, int toDaysAgo) {
		return lastDays(accountId, fromDaysAgo, toDaysAgo).stream()
			.mapToInt((day) -> Integer.parseInt(day.get("active_users")))
			.average()
			.orElse(0);
	}

	private static List<Map<String, String>> lastDays(String accountId, int fromDaysAgo, int toDaysAgo) {
		return usage.get(accountId).stream().filter((day) -> {
			long daysAgo = daysAgo(day.get("date"));
			return daysAgo >= fromDaysAgo && daysAgo <= toDaysAgo;
		}).toList();
	}

}
