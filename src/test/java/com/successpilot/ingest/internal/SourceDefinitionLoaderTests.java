package com.successpilot.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedSource;
import com.successpilot.ingest.FeedSource.OnFailure;
import com.successpilot.ingest.SourceDataSource;

/**
 * A feed's {@code source:} and the data sources are checked with the rest of the job
 * definition: every problem with its line, unknown keys with the nearest, a password in
 * the file refused; the password itself is read only when connecting.
 */
class SourceDefinitionLoaderTests {

	@TempDir
	Path dir;

	@Test
	void everyProblemOfASourceIsListedWithItsLineAndNoPasswordIsAcceptedInTheFile() throws IOException {
		Path file = Files.writeString(this.dir.resolve("nightly-job.yml"), """
				job: nightlyJob
				import:
				  data-sources:
				    analytics:
				      url: jdbc:postgresql://db/analytics?password=hunter2
				      user: reader
				      password: hunter2
				      pasword-env: X
				  feeds:
				    - name: usage
				      target: daily-usage
				      files: "*.csv"
				      source:
				        data-source: analytcs
				        querry: SELECT 1
				        fetch-size: 0
				        on-failure: skp
				      columns: {accountId: a, usageDate: d, activeUsers: u, logins: l}
				    - name: tickets
				      target: support-ticket
				      source:
				        data-source: analytics
				        query: SELECT * FROM tickets WHERE updated_at > :snce
				      columns: {externalId: id, accountId: a, openedAt: o, priority: p}
				    - name: nps
				      target: nps-response
				      source:
				        data-source: analytics
				        query: DELETE FROM nps
				      columns: {externalId: id, accountId: a, respondedOn: r, score: s}
				""");

		assertThatExceptionOfType(InvalidJobDefinitionException.class)
			.isThrownBy(() -> ImportDefinitionLoader.load(file))
			.withMessageContaining(file + ":5: data source 'analytics': the url holds a password; a password never "
					+ "goes into batch-jobs/")
			.withMessageContaining(file + ":7: data source 'analytics': a password never goes into batch-jobs/ — name "
					+ "the environment variable holding it (password-env:) or a secrets file (password-file:)")
			.withMessageContaining(file
					+ ":8: data source 'analytics': pasword-env is not a setting here — did you mean 'password-env'?")
			.withMessageContaining(file + ":12: feed 'usage': files applies to feeds reading files")
			.withMessageContaining(file + ":14: feed 'usage': source.data-source 'analytcs' is not declared")
			.withMessageContaining(
					file + ":15: feed 'usage': source.querry is not a setting here — did you mean 'query'?")
			.withMessageContaining("feed 'usage': source.query is missing")
			.withMessageContaining(file + ":16: feed 'usage': source.fetch-size must be between 1 and 100000")
			.withMessageContaining(file + ":17: feed 'usage': source.on-failure must be one of [stop, skip], not 'skp' "
					+ "— did you mean 'skip'?")
			.withMessageContaining(file + ":23: feed 'tickets': source.query uses the parameter :snce, which is not "
					+ "one of :since, :until, :businessDate — did you mean 'since'?")
			.withMessageContaining(
					file + ":29: feed 'nps': source.query must be a SELECT (or WITH … SELECT), not " + "'DELETE …'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
	}

	@Test
	void aSourceLoadsWithItsDefaultsAndTheQueryAsWritten() throws IOException {
		Path file = Files.writeString(this.dir.resolve("nightly-job.yml"), """
				job: nightlyJob
				import:
				  data-sources:
				    billing:
				      url: jdbc:mysql://billing.example.com:3306/billing
				      user: successpilot
				      password-env: BILLING_DB_PASSWORD
				  feeds:
				    - name: contracts
				      target: contract
				      source:
				        data-source: billing
				        query: |
				          SELECT id::text AS contract_id, account, product FROM contracts
				          WHERE changed_at > :since AND status <> ':since'
				        watermark: changed_at
				      columns: {externalId: contract_id, accountId: account, product: product, startDate: s,
				                endDate: e, arr: arr, currency: c, licensedSeats: seats}
				""");

		FeedDefinition contracts = ImportDefinitionLoader.load(file).feeds().get(0);

		FeedSource source = contracts.source();
		assertThat(contracts.isSqlSource()).isTrue();
		assertThat(source.dataSource())
			.isEqualTo(new SourceDataSource("billing", "jdbc:mysql://billing.example.com:3306/billing", "successpilot",
					"BILLING_DB_PASSWORD", null, Path.of("drivers")));
		assertThat(source.watermark()).isEqualTo("changed_at");
		assertThat(source.initialWatermark()).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
		assertThat(source.fetchSize()).isEqualTo(1000);
		assertThat(source.onFailure()).isEqualTo(OnFailure.STOP);
		assertThat(SourceQuery.parameters(source.query())).containsExactly("since");
	}

	@Test
	void thePasswordComesFromTheEnvironmentAndAMissingVariableIsNamed() throws Exception {
		SourceDataSource postgres = new SourceDataSource("analytics", "jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", "ANALYTICS_DB_PASSWORD", null, Path.of("drivers"));

		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> new SourceConnections(Map.<String, String>of()::get).open(postgres))
			.withMessage("data source 'analytics': the environment variable ANALYTICS_DB_PASSWORD (its password-env) "
					+ "is not set");
		try (Connection connection = new SourceConnections(Map.of("ANALYTICS_DB_PASSWORD", "x")::get).open(postgres)) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	@Test
	void aUrlNoDriverAcceptsNamesTheDriversFolder() {
		SourceDataSource warehouse = new SourceDataSource("warehouse", "jdbc:snowflake://acme.snowflakecomputing.com",
				"reader", null, null, this.dir);

		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> SourceConnections.ofSystem().open(warehouse))
			.withMessage("data source 'warehouse': no JDBC driver accepts the URL "
					+ "jdbc:snowflake://acme.snowflakecomputing.com; SuccessPilot ships PostgreSQL and MySQL/MariaDB "
					+ "drivers, put the jar of any other into " + this.dir + " (docs/sources.md)");
	}

}
