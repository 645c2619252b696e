package com.successpilot.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * The generator's promises about its files: deterministic, complete, in the importer's
 * format, and counted correctly in the summary.
 */
class DemoPortfolioTests {

	private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);

	private static final List<String> FEEDS = List.of("csms", "accounts", "contracts", "usage", "tickets", "nps",
			"goals", "goal-periods", "segment-thresholds", "account-thresholds");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@TempDir
	Path temp;

	@Test
	void sameSeedProducesIdenticalFiles() throws Exception {
		DemoPortfolio.generate(this.temp.resolve("first"), 150, BUSINESS_DATE, 42);
		DemoPortfolio.generate(this.temp.resolve("second"), 150, BUSINESS_DATE, 42);

		Map<String, String> first = checksums(this.temp.resolve("first"));
		assertThat(first).hasSize(FEEDS.size());
		assertThat(checksums(this.temp.resolve("second"))).isEqualTo(first);
	}

	@Test
	void differentSeedProducesDifferentPortfolio() throws Exception {
		DemoPortfolio.generate(this.temp.resolve("a"), 150, BUSINESS_DATE, 42);
		DemoPortfolio.generate(this.temp.resolve("b"), 150, BUSINESS_DATE, 43);

		FeedTable a = FeedTable.read(this.temp.resolve("a"), "accounts", BUSINESS_DATE);
		FeedTable b = FeedTable.read(this.temp.resolve("b"), "accounts", BUSINESS_DATE);
		assertThat(a.rows()).hasSameSizeAs(b.rows());
		assertThat(a.column("name")).isNotEqualTo(b.column("name"));
		assertThat(checksums(this.temp.resolve("a")).get("usage/usage-2026-11-23.csv"))
			.isNotEqualTo(checksums(this.temp.resolve("b")).get("usage/usage-2026-11-23.csv"));
	}

	@Test
	void anAccountIsTheSameCustomerWhateverThePortfolioSize() throws Exception {
		DemoPortfolio.generate(this.temp.resolve("small"), 60, BUSINESS_DATE, 42);
		DemoPortfolio.generate(this.temp.resolve("large"), 300, BUSINESS_DATE, 42);

		List<Map<String, String>> small = withoutCsm(
				FeedTable.read(this.temp.resolve("small"), "accounts", BUSINESS_DATE));
		List<Map<String, String>> large = withoutCsm(
				FeedTable.read(this.temp.resolve("large"), "accounts", BUSINESS_DATE));
		assertThat(large.subList(0, 60)).isEqualTo(small);
	}

	@Test
	void summaryCountsEqualRowsWritten() throws Exception {
		PortfolioSummary summary = DemoPortfolio.generate(this.temp, 120, BUSINESS_DATE, 42);

		assertThat(summary.rowsPerFeed().keySet()).containsExactlyElementsOf(FEEDS);
		for (String feed : FEEDS) {
			assertThat(FeedTable.read(this.temp, feed, BUSINESS_DATE).rows()).as(feed)
				.hasSize((int) summary.rows(feed));
		}
		assertThat(summary.accounts()).isEqualTo(120);
		assertThat(summary.accountsPerArchetype().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
		assertThat(summary.files()).hasSize(FEEDS.size()).allSatisfy((file) -> assertThat(file).isRegularFile());
	}

	@Test
	void everyHundredAccountsHoldTheArchetypeMix() throws Exception {
		PortfolioSummary summary = DemoPortfolio.generate(this.temp, 200, BUSINESS_DATE, 42);

		for (Archetype archetype : Archetype.values()) {
			assertThat(summary.accountsPerArchetype().get(archetype)).as(archetype.label())
				.isEqualTo(2 * archetype.perHundred());
		}
	}

	@Test
	void filesAreUtf8WithoutBomWithLfLineEndingsAndTheImportersHeaders() throws Exception {
		PortfolioSummary summary = DemoPortfolio.generate(this.temp, 50, BUSINESS_DATE, 42);

		for (Path file : summary.files()) {
			byte[] bytes = Files.readAllBytes(file);
			assertThat(bytes).as(file.toString()).doesNotContain((byte) '\r').endsWith((byte) '\n');
			assertThat(Arrays.copyOf(bytes, 3)).as("no BOM in " + file).isNotEqualTo(UTF8_BOM);
			// a strict decoder: malformed UTF-8 throws
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
		}
		assertThat(firstLine(summary, "accounts")).isEqualTo(
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date,contact_name,"
						+ "contact_email");
		assertThat(firstLine(summary, "usage")).isEqualTo(
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active");
		assertThat(firstLine(summary, "tickets"))
			.isEqualTo("ticket_id,account_id,subject,opened_at,closed_at,priority,escalated,csat");
	}

	@Test
	void filesAppearOnlyUnderTheirFinalNames() throws Exception {
		DemoPortfolio.generate(this.temp, 30, BUSINESS_DATE, 42);

		try (Stream<Path> files = Files.walk(this.temp)) {
			assertThat(files.filter(Files::isRegularFile).map((file) -> file.getFileName().toString()))
				.hasSize(FEEDS.size())
				.allMatch((name) -> name.endsWith("-2026-11-23.csv"));
		}
	}

	@Test
	void archetypeOfRejectsSomethingThatIsNotAnAccountId() {
		assertThatIllegalArgumentException().isThrownBy(() -> DemoPortfolio.archetypeOf("CUST-1", 42));
		assertThatIllegalArgumentException().isThrownBy(() -> DemoPortfolio.generate(this.temp, 0, BUSINESS_DATE, 42));
	}

	private static String firstLine(PortfolioSummary summary, String feed) throws IOException {
		Path file = summary.files().get(FEEDS.indexOf(feed));
		try (Stream<String> lines = Files.lines(file)) {
			return lines.findFirst().orElseThrow();
		}
	}

	private static List<Map<String, String>> withoutCsm(FeedTable accounts) {
		return accounts.rows().stream().map((row) -> {
			Map<String, String> copy = new TreeMap<>(row);
			copy.remove("csm_email");
			return (Map<String, String>) copy;
		}).toList();
	}

	private static Map<String, String> checksums(Path inbox) throws IOException, NoSuchAlgorithmException {
		Map<String, String> checksums = new TreeMap<>();
		try (Stream<Path> files = Files.walk(inbox)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
				checksums.put(inbox.relativize(file).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
			}
		}
		return checksums;
	}

}
