package com.successpilot.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer every feed goes through: RFC-4180 quoting, the importer's value formats, and
 * files that appear only when complete.
 */
class CsvFeedWriterTests {

	private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);

	@TempDir
	Path inbox;

	@Test
	void quotesOnlyFieldsWithACommaQuoteOrLineBreakAndDoublesEmbeddedQuotes() throws Exception {
		try (CsvFeedWriter out = CsvFeedWriter.open(this.inbox, Feed.CSMS, BUSINESS_DATE)) {
			out.text("plain@example.test").text("佐藤 美咲").text("ja").endRow();
			out.text("a@example.test").text("Carter, Emily").text("ja").endRow();
			out.text("b@example.test").text("The \"Boss\"").text("ja").endRow();
			out.text("c@example.test").text("two\nlines").text("ja").endRow();
			out.text("d@example.test").text(null).text("ja").endRow();
			out.commit();
		}

		assertThat(content(Feed.CSMS)).isEqualTo("email,name,language\n" + "plain@example.test,佐藤 美咲,ja\n"
				+ "a@example.test,\"Carter, Emily\",ja\n" + "b@example.test,\"The \"\"Boss\"\"\",ja\n"
				+ "c@example.test,\"two\nlines\",ja\n" + "d@example.test,,ja\n");
	}

	@Test
	void writesValuesInTheImportersFormats() throws Exception {
		try (CsvFeedWriter out = CsvFeedWriter.open(this.inbox, Feed.TICKETS, BUSINESS_DATE)) {
			out.text("TKT-1")
				.text("ACC-000001")
				.decimal(3.5, 2)
				.dateTime(LocalDateTime.of(2026, 11, 2, 9, 5, 7))
				.dateTime(null)
				.date(LocalDate.of(2026, 1, 9))
				.bool(true)
				.decimal(-0.125, 2)
				.endRow();
			out.text("TKT-2")
				.text("ACC-000001")
				.decimal(42.0, 2)
				.decimal(0.1, 1)
				.decimal(7.049, 2)
				.empty()
				.bool(false)
				.number(5)
				.endRow();
			out.commit();
		}

		assertThat(content(Feed.TICKETS)).endsWith("\nTKT-1,ACC-000001,3.5,2026-11-02 09:05:07,,2026-01-09,true,-0.13\n"
				+ "TKT-2,ACC-000001,42,0.1,7.05,,false,5\n");
	}

	@Test
	void countsDataRowsButNotTheHeader() throws Exception {
		try (CsvFeedWriter out = CsvFeedWriter.open(this.inbox, Feed.CSMS, BUSINESS_DATE)) {
			assertThat(out.rows()).isZero();
			out.text("a@example.test").text("A").text("ja").endRow();
			assertThat(out.rows()).isEqualTo(1);
		}
	}

	@Test
	void refusesARowWithTheWrongNumberOfFields() throws Exception {
		try (CsvFeedWriter out = CsvFeedWriter.open(this.inbox, Feed.CSMS, BUSINESS_DATE)) {
			out.text("only-one-field");
			assertThatIllegalStateException().isThrownBy(out::endRow).withMessageContaining("csms");
		}
	}

	@Test
	void fileGetsItsNameOnlyWhenCommittedAndIsRemovedWhenAbandoned() throws Exception {
		Path file = Feed.CSMS.file(this.inbox, BUSINESS_DATE);
		try (CsvFeedWriter out = CsvFeedWriter.open(this.inbox, Feed.CSMS, BUSINESS_DATE)) {
			out.text("a@example.test").text("A").text("ja").endRow();
			assertThat(file).doesNotExist();
		}
		assertThat(file.getParent()).isEmptyDirectory();

		try (CsvFeedWriter out = CsvFeedWriter.open(this.inbox, Feed.CSMS, BUSINESS_DATE)) {
			out.commit();
		}
		assertThat(Files.readString(file)).isEqualTo("email,name,language\n");
		assertThat(this.inbox.resolve("csms/csms-2026-11-23.csv")).isEqualTo(file);
	}

	private String content(Feed feed) throws Exception {
		return Files.readString(feed.file(this.inbox, BUSINESS_DATE), StandardCharsets.UTF_8);
	}

}
