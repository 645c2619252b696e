package com.successpilot.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules API on a copy of the starter rules that each test may break: the live set,
 * validating without going live, reloading (refused with 422 when invalid, the last good
 * set staying in force), and the scenario tests.
 */
@SuccessPilotTest
class RulesApiTests {

	private static final Path RULES = Path.of("target", "test-work", "rules-api-" + UUID.randomUUID()).toAbsolutePath();

	private static final String BROKEN_FILE = "adoption/usage-decline.drl";

	@DynamicPropertySource
	static void rulesDir(DynamicPropertyRegistry registry) {
		registry.add("successpilot.rules.dir", RULES::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	LiveRuleSet liveRuleSet;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	JdbcTemplate jdbc;

	SignIn ops;

	String goodVersion;

	@BeforeEach
	void starterRules() {
		TestData.deleteAll(this.jdbc);
		this.ops = new TestUsers(this.userAccounts, this.jdbc).ops();
		delete(RULES);
		RuleFixtures.copy(Path.of("rules"), RULES);
		this.goodVersion = this.liveRuleSet.reload().version();
	}

	@Test
	void liveSetShowsVersionFilesPlaybooksAndTheLastReload() throws Exception {
		this.mvc.perform(get("/api/rules").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(this.goodVersion))
			.andExpect(jsonPath("$.rulesDir").value(RULES.toString()))
			.andExpect(jsonPath("$.loadedAt").isNotEmpty())
			.andExpect(jsonPath("$.ruleCount", greaterThan(10)))
			.andExpect(jsonPath("$.files[?(@.path == 'adoption/usage-decline.drl')].kind").value("DRL"))
			.andExpect(jsonPath("$.files[?(@.path == 'health/health-weights.drl.csv')].kind").value("DECISION_TABLE"))
			.andExpect(jsonPath("$.files[?(@.path == 'playbooks/usage-decline-rescue.yml')].kind").value("PLAYBOOK"))
			.andExpect(jsonPath("$.files[?(@.path == 'adoption/usage-decline.scenarios.yml')].kind").value("SCENARIO"))
			.andExpect(jsonPath("$.playbooks", hasItem("usage-decline-rescue")))
			.andExpect(jsonPath("$.lastReload.refused").value(false))
			.andExpect(jsonPath("$.lastReload.version").value(this.goodVersion))
			.andExpect(jsonPath("$.lastReload.errors").isEmpty());
	}

	@Test
	void validateReportsEveryErrorWithoutMakingTheSetLive() throws Exception {
		breakRules();

		this.mvc.perform(post("/api/rules/validate").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.version", not(this.goodVersion)))
			.andExpect(jsonPath("$.errors[0].file").value(BROKEN_FILE))
			.andExpect(jsonPath("$.errors[0].line", greaterThan(0)))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());

		assertThat(this.liveRuleSet.current().version()).isEqualTo(this.goodVersion);
		this.mvc.perform(get("/api/rules").with(this.ops.basic()))
			.andExpect(jsonPath("$.version").value(this.goodVersion))
			.andExpect(jsonPath("$.lastReload.refused").value(false));
	}

	@Test
	void validateOfAValidDirectorySaysSo() throws Exception {
		this.mvc.perform(post("/api/rules/validate").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.version").value(this.goodVersion))
			.andExpect(jsonPath("$.errors").isEmpty())
			.andExpect(jsonPath("$.warnings").isEmpty());
	}

	@Test
	void reloadOfAnInvalidSetIsRefusedAndTheLastGoodSetStaysInForce() throws Exception {
		breakRules();

		this.mvc.perform(post("/api/rules/reload").with(this.ops.basic()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail", containsString("version " + this.goodVersion + " stays in force")))
			.andExpect(jsonPath("$.liveVersion").value(this.goodVersion))
			.andExpect(jsonPath("$.errors[0].file").value(BROKEN_FILE))
			.andExpect(jsonPath("$.errors[0].line", greaterThan(0)));

		assertThat(this.liveRuleSet.current().version()).isEqualTo(this.goodVersion);
		this.mvc.perform(get("/api/rules").with(this.ops.basic()))
			.andExpect(jsonPath("$.version").value(this.goodVersion))
			.andExpect(jsonPath("$.lastReload.refused").value(true))
			.andExpect(jsonPath("$.lastReload.version", not(this.goodVersion)))
			.andExpect(jsonPath("$.lastReload.errors[0].file").value(BROKEN_FILE));
	}

	@Test
	void reloadOfAValidEditMakesItLive() throws Exception {
		Path rule = RULES.resolve(BROKEN_FILE);
		Files.writeString(rule, Files.readString(rule) + "\n// reviewed by CS ops\n");

		this.mvc.perform(post("/api/rules/reload").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version", not(this.goodVersion)))
			.andExpect(jsonPath("$.previousVersion").value(this.goodVersion))
			.andExpect(jsonPath("$.changed").value(true))
			.andExpect(jsonPath("$.loadedAt").isNotEmpty());

		String newVersion = this.liveRuleSet.current().version();
		assertThat(newVersion).isNotEqualTo(this.goodVersion);
		this.mvc.perform(get("/api/rules").with(this.ops.basic())).andExpect(jsonPath("$.version").value(newVersion));
	}

	@Test
	void reloadOfUnchangedRulesKeepsTheVersionAndWhenItWentLive() throws Exception {
		String loadedAt = this.liveRuleSet.status().loadedAt().toString();

		this.mvc.perform(post("/api/rules/reload").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(this.goodVersion))
			.andExpect(jsonPath("$.changed").value(false))
			.andExpect(jsonPath("$.loadedAt").value(loadedAt));
	}

	@Test
	void scenarioTestsReportEachScenario() throws Exception {
		this.mvc.perform(post("/api/rules/test").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passed").value(true))
			.andExpect(jsonPath("$.scenarios", greaterThan(10)))
			.andExpect(jsonPath("$.failed").value(0))
			.andExpect(jsonPath("$.results[*].passed", everyItem(org.hamcrest.Matchers.is(true))))
			.andExpect(jsonPath("$.results[0].file").isNotEmpty())
			.andExpect(jsonPath("$.results[0].name").isNotEmpty())
			.andExpect(jsonPath("$.problems").isEmpty());
	}

	@Test
	void scenarioTestsOfAnInvalidSetFailWithItsErrors() throws Exception {
		breakRules();

		this.mvc.perform(post("/api/rules/test").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passed").value(false))
			.andExpect(jsonPath("$.problems[0]", containsString(BROKEN_FILE)));
	}

	@Test
	void failingScenarioIsReportedWithWhatDiffered() throws Exception {
		Path scenarios = RULES.resolve("adoption/usage-decline.scenarios.yml");
		Files.writeString(scenarios,
				Files.readString(scenarios).replaceFirst("usage-decline-rescue", "seat-expansion-proposal"));

		this.mvc.perform(post("/api/rules/test").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passed").value(false))
			.andExpect(jsonPath("$.failed", greaterThan(0)))
			.andExpect(
					jsonPath("$.results[?(@.passed == false)].file", hasItem("adoption/usage-decline.scenarios.yml")))
			.andExpect(jsonPath("$.results[?(@.passed == false)].differences[0]", not(nullValue())));
	}

	@Test
	void wrongMethodOrUnknownPathIsAProblemNotAServerError() throws Exception {
		this.mvc.perform(get("/api/rules/reload").with(this.ops.basic()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(put("/api/rules").with(this.ops.basic())).andExpect(status().isMethodNotAllowed());
		this.mvc.perform(post("/api/rules/compile").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aBodyOrParametersCannotPointTheApiAtAnotherDirectory() throws Exception {
		breakRules();

		this.mvc
			.perform(post("/api/rules/validate").param("rules", "src/test/resources/rules-fixtures/valid")
				.with(this.ops.basic())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rules\":\"/etc\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.rulesDir").value(RULES.toString()));
	}

	private static void breakRules() throws IOException {
		Files.writeString(RULES.resolve(BROKEN_FILE), "rule \"Broken\" when then oops end");
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
