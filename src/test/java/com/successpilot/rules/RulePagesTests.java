package com.successpilot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.judgement.JudgementRulesDirectory;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules pages: the version in force, validation with file and line, scenario results,
 * versions with their files and a diff, and a rollback confirmed first that says what it
 * overwrote and puts the version in force. A copy of the starter rules, shared with the
 * rule version tests' application context.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.rules.dir=" + JudgementRulesDirectory.DIR)
class RulePagesTests {

	private static final Path RULES = JudgementRulesDirectory.PATH;

	private static final String CHANGED_FILE = "adoption/usage-decline.drl";

	@Autowired
	LiveRuleSet live;

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
	void thePageShowsTheVersionInForceItsScenariosAndTheVersionsWithTheirDifference() throws Exception {
		String first = this.live.reload(RuleSetVersions.How.RELOAD, "ops-anna").version();
		String second = change();

		this.mvc.perform(get("/rules").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>" + second + "</code>")))
			.andExpect(content().string(containsString("id=\"validation\">valid<")))
			.andExpect(content().string(containsString("passed")))
			.andExpect(content().string(containsString("href=\"/rules/versions/" + first + "\"")))
			.andExpect(content().string(containsString("href=\"/rules/rollback?to=" + first + "\"")));
		this.mvc.perform(get("/rules/versions/" + first).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CHANGED_FILE)));
		this.mvc.perform(get("/rules/diff").param("from", first).param("to", second).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("+// a comment the second version added")));
		this.mvc.perform(get("/rules/versions/000000000000").with(this.ops.basic()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")));
	}

	@Test
	void brokenFilesAreListedWithFileAndLine() throws Exception {
		this.live.reload();
		Files.writeString(RULES.resolve(CHANGED_FILE), "\nrule \"broken\" when then nonsense( end\n",
				StandardOpenOption.APPEND);

		this.mvc.perform(get("/rules").with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("refused")))
			.andExpect(content().string(containsString("<td data-label=\"File\">" + CHANGED_FILE + "</td>")));
	}

	@Test
	void aRollbackIsConfirmedFirstSaysWhatItOverwroteAndCanBeRolledForwardAgain() throws Exception {
		String first = this.live.reload().version();
		String second = change();

		this.mvc.perform(get("/rules/rollback").param("to", first).with(this.ops.basic()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Write version " + first + " back into rules/, overwriting version " + second)))
			.andExpect(content().string(containsString("-// a comment the second version added")));
		assertThat(this.live.current().version()).as("nothing happens before the form is posted").isEqualTo(second);

		this.mvc.perform(post("/rules/rollback").param("to", first).with(csrf()).with(this.ops.basic()))
			.andExpect(redirectedUrl("/rules"))
			.andExpect(flash().attribute("notice", containsString("it overwrote version " + second)));
		assertThat(this.live.current().version()).isEqualTo(first);
		assertThat(Files.readString(RULES.resolve(CHANGED_FILE)))
			.isEqualTo(Files.readString(Path.of("rules", CHANGED_FILE)));

		this.mvc.perform(post("/rules/rollback").param("to", second).with(csrf()).with(this.ops.basic()))
			.andExpect(flash().attribute("notice", containsString("Rolled back to " + second)));
		assertThat(this.live.current().version()).isEqualTo(second);
	}

	@Test
	void aPreviewWithoutAJudgedNightSaysSo() throws Exception {
		this.mvc.perform(get("/rules/preview").with(this.ops.basic()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("No night has been judged yet")));
	}

	private String change() throws IOException {
		Files.writeString(RULES.resolve(CHANGED_FILE), "\n// a comment the second version added\n",
				StandardOpenOption.APPEND);
		RuleSetReport report = this.live.reload(RuleSetVersions.How.RELOAD, "ops-ben");
		assertThat(report.isValid()).as(report.lines().toString()).isTrue();
		return report.version();
	}

}
