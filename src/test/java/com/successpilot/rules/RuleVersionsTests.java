package com.successpilot.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.judgement.JudgementRulesDirectory;
import com.successpilot.security.UserAccounts;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rule set versions: every version that goes live is kept with who, when and how; the
 * versions API and diff; {@code rules rollback} writing a version back byte for byte.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class RuleVersionsTests {

	private static final Path RULES = JudgementRulesDirectory.PATH;

	private static final String CHANGED_FILE = "adoption/usage-decline.drl";

	@Autowired
	LiveRuleSet live;

	@Autowired
	RuleSetVersions versions;

	@Autowired
	Command rulesCommand;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	JdbcTemplate jdbc;

	TestUsers.SignIn ops;

	@BeforeEach
	void starterRules() throws IOException {
		TestData.deleteAll(this.jdbc);
		this.ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		JudgementRulesDirectory.fillWith(Path.of("rules"));
	}

	@Test
	void everyVersionThatGoesLiveIsKeptWithWhoWhenAndHowAndTheSameVersionAgainIsNoNewActivation() throws Exception {
		String first = this.live.reload(RuleSetVersions.How.RELOAD, "ops-anna").version();
		assertThat(this.live.reload(RuleSetVersions.How.RUN, "os:batch").version()).isEqualTo(first);
		String second = changeAndReload("ops-ben");

		List<RuleSetVersions.Version> kept = this.versions.list();
		assertThat(kept).extracting(RuleSetVersions.Version::version).containsExactly(second, first);
		RuleSetVersions.Activation latest = kept.get(0).activations().get(0);
		assertThat(latest.by()).isEqualTo("ops-ben");
		assertThat(latest.how()).isEqualTo(RuleSetVersions.How.RELOAD);
		assertThat(latest.previousVersion()).isEqualTo(first);
		assertThat(kept.get(1).activations()).singleElement()
			.satisfies((activation) -> assertThat(activation.by()).isEqualTo("ops-anna"));
		assertThat(kept.get(0).files()).isEqualTo(this.live.current().source().paths().size());
	}

	@Test
	void theVersionsApiListsVersionsServesTheirFilesAndShowsTheDifference() throws Exception {
		String first = this.live.reload().version();
		String second = changeAndReload("ops");

		this.mvc.perform(get("/api/rules/versions").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].version").value(second))
			.andExpect(jsonPath("$[0].activations[0].previousVersion").value(first))
			.andExpect(jsonPath("$[1].version").value(first));
		this.mvc.perform(get("/api/rules/versions/" + first).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files[?(@.path == '" + CHANGED_FILE + "')].text",
					hasItem(Files.readString(Path.of("rules", CHANGED_FILE)))));
		this.mvc.perform(get("/api/rules/versions/" + first + "/diff/" + second).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files.length()").value(1))
			.andExpect(jsonPath("$.files[0].path").value(CHANGED_FILE))
			.andExpect(jsonPath("$.files[0].kind").value("CHANGED"))
			.andExpect(jsonPath("$.files[0].unifiedDiff", hasItem("+// a comment the second version added")));
		this.mvc.perform(get("/api/rules/versions/000000000000").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("No rule set version '000000000000'")));
	}

	@Test
	void aCsmCannotReadTheVersions() throws Exception {
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		users.csm("misaki.sato@example.com", "佐藤 美咲");
		this.mvc.perform(get("/api/rules/versions").with(users.csmUser("misaki.sato@example.com").basic()))
			.andExpect(status().isForbidden());
	}

	@Test
	void rollbackWritesTheVersionBackByteForByteAndSaysWhatItOverwrote() throws Exception {
		String first = this.live.reload().version();
		SortedMap<String, byte[]> firstFiles = this.versions.files(first);
		String second = changeAndReload("ops");
		Files.writeString(RULES.resolve("adoption/added-later.drl"), "package rules.adoption;\n");
		Path scenario = RULES.resolve("adoption/usage-decline.scenarios.yml");
		byte[] scenarioBefore = Files.readAllBytes(scenario);

		Output output = run("rules", "rollback", "--to=" + first);

		assertThat(output.exit()).as(output.text()).isZero();
		assertThat(output.text()).contains("Wrote version " + first + " back into " + JudgementRulesDirectory.DIR)
			.contains("written  " + CHANGED_FILE)
			.contains("removed  adoption/added-later.drl");
		RuleSetSource read = RuleSetSource.read(RULES);
		Map<String, byte[]> onDisk = new java.util.TreeMap<>();
		read.paths().forEach((path) -> onDisk.put(path, read.content(path).orElseThrow()));
		assertThat(onDisk.keySet()).isEqualTo(firstFiles.keySet());
		assertThat(onDisk)
			.allSatisfy((path, content) -> assertThat(Arrays.equals(content, firstFiles.get(path))).as(path).isTrue());
		assertThat(Files.readAllBytes(scenario)).isEqualTo(scenarioBefore);
		assertThat(this.versions.latest()).get()
			.satisfies((activation) -> assertThat(activation.how()).isEqualTo(RuleSetVersions.How.ROLLBACK))
			.satisfies((activation) -> assertThat(activation.previousVersion()).isEqualTo(second));
		assertThat(this.live.reload().version()).isEqualTo(first);

		// what the rollback overwrote was kept: it can be brought back too
		String overwritten = output.text().replaceAll("(?s).*overwriting version (\\w+).*", "$1");
		assertThat(run("rules", "rollback", "--to=" + overwritten).exit()).isZero();
		assertThat(Files.exists(RULES.resolve("adoption/added-later.drl"))).isTrue();
	}

	@Test
	void rollbackToAnUnknownVersionChangesNothing() throws Exception {
		this.live.reload();
		String before = RuleSetSource.read(RULES).version();

		assertThat(run("rules", "rollback", "--to=000000000000").exit()).isNotZero();
		assertThat(RuleSetSource.read(RULES).version()).isEqualTo(before);
		assertThat(run("rules", "rollback").exit()).isEqualTo(2);
	}

	@Test
	void theRulesCommandListsVersionsAndDiffs() throws Exception {
		String first = this.live.reload().version();
		String second = changeAndReload("ops");

		assertThat(run("rules", "versions").text()).contains(first).contains(second).contains("reload");
		assertThat(run("rules", "diff", first, second).text()).contains("+++ b/" + CHANGED_FILE)
			.contains("+// a comment the second version added");
	}

	@Test
	void reloadOverTheApiRecordsTheSignedInUser() throws Exception {
		this.live.reload();
		Files.writeString(RULES.resolve(CHANGED_FILE), "\n// a comment the second version added\n",
				java.nio.file.StandardOpenOption.APPEND);

		this.mvc.perform(post("/api/rules/reload").with(this.ops.basic())).andExpect(status().isOk());

		assertThat(this.versions.latest()).get()
			.satisfies((activation) -> assertThat(activation.by()).isEqualTo(this.ops.username()));
	}

	private String changeAndReload(String by) throws IOException {
		Files.writeString(RULES.resolve(CHANGED_FILE), "\n// a comment the second version added\n",
				java.nio.file.StandardOpenOption.APPEND);
		RuleSetReport report = this.live.reload(RuleSetVersions.How.RELOAD, by);
		assertThat(report.isValid()).as(String.join("\n", report.lines())).isTrue();
		return report.version();
	}

	private Output run(String... args) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit;
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			try {
				exit = this.rulesCommand.run(new CommandArguments(new DefaultApplicationArguments(args)), out);
			}
			catch (RuleSetVersions.UnknownVersionException ex) {
				out.println(ex.getMessage());
				exit = 1;
			}
		}
		return new Output(exit, bytes.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exit, String text) {

	}

}
