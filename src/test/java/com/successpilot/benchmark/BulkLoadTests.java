package com.successpilot.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestDatabase;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code benchmark --load=bulk} puts the generated portfolio into the database with the
 * same rows as the import job would, compared table by table by natural keys. LOAD DATA
 * LOCAL INFILE is MySQL/MariaDB only: those tests run with {@code -Pmariadb}, and on H2
 * the bulk load refuses.
 */
@SuccessPilotTest
class BulkLoadTests {

	private static final String NIGHT = "--date=2026-11-23";

	/** Every table the import job writes portfolio rows to. */
	private static final List<String> PORTFOLIO_TABLES = List.of("csms", "accounts", "contracts", "daily_usage",
			"usage_metrics", "support_tickets", "nps_responses", "success_goals", "goal_periods", "segment_thresholds",
			"account_thresholds");

	@Autowired
	BenchmarkCommand benchmark;

	@Autowired
	ImportDefinition definition;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@BeforeEach
	void emptyDatabaseAndInbox() {
		TestData.deleteAll(this.jdbc);
		new TestInbox(this.definition).empty();
	}

	@Test
	void bulkLoadWritesTheRowsTheImportJobWrites() throws Exception {
		assumeTrue(isMySqlOrMariaDb(), "LOAD DATA LOCAL INFILE needs MySQL or MariaDB (-Pmariadb)");
		String imported = benchmark("--accounts=300", NIGHT, "--job=importJob");
		assertThat(imported).contains("importJob COMPLETED");
		Map<String, List<String>> byImport = portfolioRows();
		TestData.deleteAll(this.jdbc);

		String loaded = benchmark("--accounts=300", NIGHT, "--job=importJob", "--load=bulk");

		assertThat(loaded).contains("Bulk-loaded").doesNotContain("importJob");
		assertSameRows(portfolioRows(), byImport);
		assertThat(csvFilesInInbox()).isEmpty();
	}

	@Test
	void bulkLoadingTheSamePortfolioAgainChangesNothing() throws Exception {
		assumeTrue(isMySqlOrMariaDb(), "LOAD DATA LOCAL INFILE needs MySQL or MariaDB (-Pmariadb)");
		benchmark("--accounts=40", NIGHT, "--job=importJob", "--load=bulk");
		Map<String, List<String>> first = portfolioRows();

		benchmark("--accounts=40", NIGHT, "--job=importJob", "--load=bulk");

		assertSameRows(portfolioRows(), first);
	}

	@Test
	void driverWithoutLocalInfileIsRefusedNamingTheUrlParameter() {
		assumeTrue(isMySqlOrMariaDb(), "LOAD DATA LOCAL INFILE needs MySQL or MariaDB (-Pmariadb)");
		String url = this.environment.getRequiredProperty("spring.datasource.url")
			.replace("&allowLoadLocalInfile=true", "");
		PortfolioBulkLoad withoutLocalInfile = new PortfolioBulkLoad(
				new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password())));

		assertThatIllegalStateException().isThrownBy(() -> withoutLocalInfile.checkSupported(this.definition.inbox()))
			.withMessageContaining("LOAD DATA LOCAL INFILE was refused")
			.withMessageContaining("allowLoadLocalInfile=true");
	}

	@Test
	void bulkLoadOnH2RefusesBeforeGeneratingAnything() throws Exception {
		assumeFalse(isMySqlOrMariaDb(), "H2 only");

		assertThatIllegalStateException()
			.isThrownBy(() -> benchmark("--accounts=40", NIGHT, "--job=importJob", "--load=bulk"))
			.withMessage("--load=bulk needs MySQL or MariaDB (LOAD DATA LOCAL INFILE), not H2: use --load=import");
		assertThat(csvFilesInInbox()).isEmpty();
	}

	private String benchmark(String... options) throws Exception {
		return BenchmarkRuns.run(this.benchmark, options);
	}

	private boolean isMySqlOrMariaDb() {
		String product = this.jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName())
			.toLowerCase(Locale.ROOT);
		return product.contains("mysql") || product.contains("mariadb");
	}

	/**
	 * Every portfolio table's rows, each as its columns by name with surrogate ids left
	 * out and references replaced by the natural key they point at, sorted.
	 */
	private Map<String, List<String>> portfolioRows() {
		Map<String, Map<Object, Object>> naturalKeys = Map.of("account_id",
				naturalKeys("SELECT id, external_id FROM accounts"), "csm_id",
				naturalKeys("SELECT id, email FROM csms"), "goal_id",
				naturalKeys("SELECT id, external_id FROM success_goals"));
		Map<String, List<String>> tables = new LinkedHashMap<>();
		for (String table : PORTFOLIO_TABLES) {
			List<String> rows = new ArrayList<>();
			for (Map<String, Object> row : this.jdbc.queryForList("SELECT * FROM " + table)) {
				Map<String, Object> natural = new LinkedHashMap<>();
				row.forEach((column, value) -> {
					String name = column.toLowerCase(Locale.ROOT);
					if (!name.equals("id")) {
						natural.put(name, naturalKeys.containsKey(name) && value != null
								? naturalKeys.get(name).get(value) : value);
					}
				});
				rows.add(natural.toString());
			}
			rows.sort(null);
			tables.put(table, rows);
		}
		return tables;
	}

	private Map<Object, Object> naturalKeys(String sql) {
		Map<Object, Object> keys = new HashMap<>();
		this.jdbc.query(sql, (rs) -> {
			keys.put(rs.getObject(1), rs.getObject(2));
		});
		return keys;
	}

	private static void assertSameRows(Map<String, List<String>> actual, Map<String, List<String>> expected) {
		for (String table : PORTFOLIO_TABLES) {
			List<String> expectedRows = expected.get(table);
			List<String> actualRows = actual.get(table);
			assertThat(expectedRows).as(table).isNotEmpty();
			for (int i = 0; i < Math.min(expectedRows.size(), actualRows.size()); i++) {
				if (!expectedRows.get(i).equals(actualRows.get(i))) {
					fail("%s differs at row %d of %d: expected %s but was %s", table, i + 1, expectedRows.size(),
							expectedRows.get(i), actualRows.get(i));
				}
			}
			assertThat(actualRows).as(table + " rows").hasSameSizeAs(expectedRows);
		}
	}

	private List<Path> csvFilesInInbox() throws IOException {
		if (!Files.exists(this.definition.inbox())) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(this.definition.inbox())) {
			return files.filter((file) -> file.toString().endsWith(".csv")).toList();
		}
	}

}
