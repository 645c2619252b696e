package com.successpilot.benchmark;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.ImportDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The bulk load's statements come from the feed definitions the import uses: every feed
 * of the nightly job, every column it maps, written to columns the schema has (checked on
 * whichever database the suite runs on, H2 by default), and a change to a feed's
 * definition changes the bulk load with it. That the rows are the import's own is
 * {@code BulkLoadTests} (MySQL/MariaDB: LOAD DATA LOCAL INFILE).
 */
@SuccessPilotTest
class BulkLoadFeedsTests {

	private static final Pattern INSERT = Pattern.compile("^INSERT INTO (\\w+) \\(([^)]*)\\) SELECT");

	@Autowired
	ImportDefinition definition;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyFeedOfTheNightlyJobIsBulkLoadedIntoColumnsTheSchemaHas() {
		List<BulkLoadFeed> feeds = BulkLoadFeeds.of(this.definition);

		assertThat(feeds).extracting(BulkLoadFeed::name)
			.containsExactlyElementsOf(this.definition.feeds().stream().map(FeedDefinition::name).toList());
		for (BulkLoadFeed feed : feeds) {
			assertThat(feed.inserts()).as(feed.name()).isNotEmpty();
			FeedDefinition definition = definitionOf(feed.name());
			// account-thresholds' action says what to do with a row and fills no column:
			// a
			// bulk load only adds rows
			assertThat(feed.header()).as(feed.name() + " staging columns")
				.containsAll(definition.columns()
					.entrySet()
					.stream()
					.filter((column) -> !column.getKey().equals("action"))
					.map(Map.Entry::getValue)
					.toList())
				.containsAll(definition.metrics());
			for (BulkLoadFeed.Insert insert : feed.inserts()) {
				Matcher statement = INSERT.matcher(insert.sql());
				assertThat(statement.find()).as(insert.sql()).isTrue();
				List<String> written = List.of(statement.group(2).split(", "));
				assertThat(columnsOf(statement.group(1))).as(insert.table() + " columns").containsAll(written);
			}
		}
	}

	@Test
	void aColumnTheDefinitionNoLongerMapsIsNoLongerLoaded() {
		FeedDefinition accounts = definitionOf("accounts");
		Map<String, String> columns = new LinkedHashMap<>(accounts.columns());
		assertThat(columns.remove("industry")).isEqualTo("industry");
		FeedDefinition withoutIndustry = new FeedDefinition(accounts.name(), accounts.target(), accounts.files(),
				accounts.encoding(), accounts.delimiter(), columns, accounts.metrics());
		List<FeedDefinition> feeds = new ArrayList<>(this.definition.feeds());
		feeds.set(feeds.indexOf(accounts), withoutIndustry);
		ImportDefinition changed = new ImportDefinition(this.definition.source(), this.definition.inbox(),
				this.definition.archive(), this.definition.maxRejectedRatio(), this.definition.chunkSize(), feeds);

		BulkLoadFeed before = BulkLoadFeeds.of(this.definition).get(feeds.indexOf(withoutIndustry));
		BulkLoadFeed after = BulkLoadFeeds.of(changed).get(feeds.indexOf(withoutIndustry));

		assertThat(before.header()).contains("industry");
		assertThat(before.inserts().get(0).sql()).contains("industry");
		assertThat(after.header()).doesNotContain("industry");
		assertThat(after.inserts().get(0).sql()).doesNotContain("industry");
	}

	@Test
	void aCsvColumnThatIsNotAPlainNameIsRefusedNamingTheFeed() {
		FeedDefinition csms = definitionOf("csms");
		Map<String, String> columns = new LinkedHashMap<>(csms.columns());
		columns.put("name", "name'); DROP TABLE csms; --");
		FeedDefinition hostile = new FeedDefinition(csms.name(), csms.target(), csms.files(), csms.encoding(),
				csms.delimiter(), columns, csms.metrics());
		ImportDefinition changed = new ImportDefinition(this.definition.source(), this.definition.inbox(),
				this.definition.archive(), this.definition.maxRejectedRatio(), this.definition.chunkSize(),
				List.of(hostile));

		assertThatIllegalArgumentException().isThrownBy(() -> BulkLoadFeeds.of(changed))
			.withMessageContaining("csms feed")
			.withMessageContaining("not a plain name");
	}

	private FeedDefinition definitionOf(String feed) {
		return this.definition.feeds()
			.stream()
			.filter((candidate) -> candidate.name().equals(feed))
			.findFirst()
			.orElseThrow();
	}

	private List<String> columnsOf(String table) {
		return this.jdbc.execute((ConnectionCallback<List<String>>) (connection) -> {
			DatabaseMetaData metadata = connection.getMetaData();
			List<String> columns = new ArrayList<>();
			for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
				try (ResultSet rs = metadata.getColumns(connection.getCatalog(), null, name, null)) {
					while (rs.next()) {
						columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
				if (!columns.isEmpty()) {
					break;
				}
			}
			assertThat(columns).as("columns of " + table).isNotEmpty();
			return columns;
		});
	}

}
