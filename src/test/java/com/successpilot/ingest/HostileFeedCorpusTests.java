package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.run.RunLauncher;

/**
 * The hostile-input corpus (issue 13): every file under {@code hostile-feeds/} is dropped
 * into its feed's inbox and imported by the real job; for each, the exact reason of every
 * rejected line, the file's status or failure, and that every good row of the file — and
 * only those — is in the database afterwards. What each file is and what it must give is
 * in {@code hostile-feeds/cases.yml}.
 */
@SuccessPilotTest
class HostileFeedCorpusTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final String CORPUS = "/hostile-feeds/";

	/** The natural keys of what each feed imported; the starter portfolio's left out. */
	private static final Map<String, String> KEYS = Map.of("csms", "SELECT email FROM csms", "contracts",
			"SELECT external_id FROM contracts", "usage",
			"SELECT CONCAT(a.external_id, '/', u.usage_date) FROM daily_usage u JOIN accounts a ON a.id = u.account_id",
			"tickets", "SELECT external_id FROM support_tickets", "nps", "SELECT external_id FROM nps_responses");

	private static final AtomicInteger jobs = new AtomicInteger();

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Autowired
	FeedImportSteps feedImportSteps;

	@Autowired
	JobRepository jobRepository;

	FeedFiles feeds;

	@BeforeEach
	void emptyPortfolioAndInbox() {
		this.feeds = FeedFiles.startingEmpty(this.definition, this.jdbc);
	}

	@Test
	void theCorpusHasAtLeastFortyFilesCoveringEveryKindOfHostileInput() {
		List<Map<String, Object>> cases = cases().toList();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
		assertThat(cases.stream().map((c) -> String.valueOf(c.get("file")).replaceAll("-.*", "")).distinct())
			.containsExactlyInAnyOrder("enc", "quote", "date", "num", "size", "inject", "ctrl", "eol", "header", "dup");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	@SuppressWarnings("unchecked")
	void eachHostileFileGetsItsExactReasonsAndEveryGoodRowLands(String file) throws Exception {
		Map<String, Object> expected = cases().filter((c) -> c.get("file").equals(file)).findFirst().orElseThrow();
		String feed = (String) expected.get("feed");
		if (!feed.equals("csms")) {
			this.feeds.dropStarterPortfolio();
		}
		this.feeds.drop(feed, file, bytes(file));

		this.launcher.run(job(feed, (String) expected.get("encoding")), NIGHT, true);

		Map<String, Object> ledger = this.jdbc.queryForMap(
				"SELECT id, status, failure, rows_rejected FROM import_files WHERE feed = ? AND file_name = ?", feed,
				file);
		Map<Long, String> reasons = new TreeMap<>();
		this.jdbc.query("SELECT line_number, reason FROM import_rejections WHERE import_file_id = ?", (rs) -> {
			reasons.put(rs.getLong(1), rs.getString(2));
		}, ledger.get("id"));
		Map<Long, String> expectedReasons = new TreeMap<>();
		((Map<Object, String>) expected.get("rejected"))
			.forEach((line, reason) -> expectedReasons.put(Long.valueOf(line.toString()), reason));
		assertThat(reasons).as("rejections of " + file).isEqualTo(expectedReasons);
		assertThat(ledger.get("status")).as("status of " + file).isEqualTo(expected.get("status"));
		assertThat(
				ledger.get("failure") == null || !"FAILED".equals(ledger.get("status")) ? null : ledger.get("failure"))
			.as("failure of " + file)
			.isEqualTo(expected.get("failure"));
		List<String> keys = this.jdbc.queryForList(KEYS.get(feed), String.class);
		assertThat(keys).as("rows of " + file + " in the database")
			.containsExactlyInAnyOrderElementsOf((List<String>) expected.get("imported"));
		for (Map<String, Object> check : (List<Map<String, Object>>) expected.getOrDefault("checks", List.of())) {
			assertThat(this.jdbc.queryForObject((String) check.get("sql"), String.class))
				.as(check.get("sql").toString())
				.isEqualTo(String.valueOf(check.get("equals")));
		}
	}

	static Stream<String> files() {
		return cases().map((c) -> (String) c.get("file"));
	}

	private Job job(String feed, String encoding) {
		ImportDefinition changed = new ImportDefinition(this.definition.source(), this.definition.inbox(),
				this.definition.archive(), this.definition.maxRejectedRatio(), this.definition.chunkSize(),
				this.definition.feeds()
					.stream()
					.map((f) -> (encoding != null && f.name().equals(feed)) ? new FeedDefinition(f.name(), f.target(),
							f.files(), Charset.forName("windows-31j"), f.delimiter(), f.columns(), f.metrics(),
							f.required(), f.futureDates(), f.endedButActive()) : f)
					.toList());
		var steps = this.feedImportSteps.steps(changed);
		var job = new JobBuilder("hostileFeedJob" + jobs.incrementAndGet(), this.jobRepository).start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		return job.build();
	}

	@SuppressWarnings("unchecked")
	private static Stream<Map<String, Object>> cases() {
		try (InputStream in = HostileFeedCorpusTests.class.getResourceAsStream(CORPUS + "cases.yml")) {
			List<Map<String, Object>> cases = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return cases.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(String file) {
		try (InputStream in = HostileFeedCorpusTests.class.getResourceAsStream(CORPUS + file)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
