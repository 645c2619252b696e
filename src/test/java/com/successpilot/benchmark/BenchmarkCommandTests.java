package com.successpilot.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code benchmark}: generates and imports a portfolio, judges it as a first night in a
 * cold and then a warm pass, measures the floor, and prints every figure the performance
 * docs quote — on small numbers, so what is checked is the work done and reported, not
 * its speed.
 */
@SuccessPilotTest
class BenchmarkCommandTests {

	private static final String NIGHT = "--date=2026-11-23";

	@Autowired
	BenchmarkCommand benchmark;

	@Autowired
	ImportDefinition definition;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyDatabaseAndInbox() {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
	}

	@Test
	void everyPassIsAFirstNightWithTheSameOutcomeAndTheFloorWritesItAgain() throws Exception {
		String report = benchmark("--accounts=60", NIGHT, "--repeat=2");

		assertThat(report).contains("Generated 60 accounts", "importJob COMPLETED",
				"Judging 60 accounts of 2026-11-23 (a first night: no tasks yet), pass 1 of 2 in a cold JVM",
				"pass 2 of 2 in a warm JVM", "Floor: the same accounts read and the same outcomes written",
				"benchmarkFloorJob COMPLETED");
		List<Long> judged = numbers(report, "accountJudgementStep\\s+[\\d.]+\\s+(\\d+)");
		assertThat(judged).containsExactly(60L, 60L);
		assertThat(numbers(report, "accountJudgementFloorStep\\s+[\\d.]+\\s+(\\d+)")).containsExactly(60L);
		// the time target is set for 100,000 accounts: other sizes are compared by rate
		assertThat(report).containsPattern("Target: metrics \\+ rules \\+ task writing [\\d.]+ s \\(accountMetricsStep "
				+ "[\\d.]+ s \\+ accountJudgementStep [\\d.]+ s \\+ attentionStep [\\d.]+ s\\) for 60 accounts: [\\d,]+ accounts/s; "
				+ "the <= 60 s target is set for 100,000 accounts \\(1,667 accounts/s\\): rate (not )?met");
		assertThat(report).containsPattern("peak heap [\\d,]+ MiB against <= 1,024 MiB: MET");
		// the floor replaced the last pass's outcomes: one night's tasks and health
		// scores
		Long tasks = this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks", Long.class);
		assertThat(tasks).isPositive();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT active_key) FROM tasks", Long.class))
			.isEqualTo(tasks);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM health_scores", Long.class)).isEqualTo(60);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_facts", Long.class)).isEqualTo(60);
	}

	@Test
	void aReRunKeepsTheTasksOfTheFirstNight() throws Exception {
		benchmark("--accounts=40", NIGHT, "--no-floor");
		Long firstNight = this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks", Long.class);

		String report = benchmark("--reuse", NIGHT, "--keep-tasks", "--skip-metrics", "--no-floor");

		assertThat(report).contains("Judging 40 accounts of 2026-11-23 (a re-run: tasks of earlier runs kept)")
			.doesNotContain("Generated", "Floor:")
			.doesNotContainPattern("\\n  accountMetricsStep\\s+[\\d.]+\\s+\\d+");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tasks", Long.class)).isEqualTo(firstNight);
	}

	private static List<Long> numbers(String report, String regex) {
		List<Long> numbers = new ArrayList<>();
		Matcher matcher = Pattern.compile(regex).matcher(report);
		while (matcher.find()) {
			numbers.add(Long.parseLong(matcher.group(1)));
		}
		return numbers;
	}

	private String benchmark(String... options) throws Exception {
		return BenchmarkRuns.run(this.benchmark, options);
	}

}
