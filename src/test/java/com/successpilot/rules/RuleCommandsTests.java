package com.successpilot.rules;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.successpilot.mail.MailProperties;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCommandsTests {

	private final RuleCommands commands = new RuleCommands(new RulesProperties(Path.of("rules")));

	// the defaults, as the application binds them
	private final MailProperties mail = new Binder(new MapConfigurationPropertySource())
		.bindOrCreate("successpilot.mail", MailProperties.class);

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@Test
	void validateOfValidSetPrintsOkWithVersionAndCounts() throws Exception {
		int exit = run(this.commands.validateCommand(this.mail), "validate", "--rules=" + RuleFixtures.VALID);

		assertThat(exit).isZero();
		assertThat(output()).startsWith("OK ").contains("2 rules in 2 rule files, 1 decision tables, 2 playbooks");
	}

	@Test
	void validateWarnsAboutPlaybookTextsMissingALanguageInUseWithoutFailing() throws Exception {
		int exit = run(this.commands.validateCommand(this.mail), "validate", "--rules=" + RuleFixtures.VALID);

		assertThat(exit).isZero();
		assertThat(output()).contains(
				"WARNING playbooks/usage-decline-rescue.yml: 'tasks[1].title' has no ja text (the CSM reads another language)")
			.contains("WARNING playbooks/usage-decline-rescue.yml: 'tasks[1].title' has no en text");
	}

	@Test
	void validateOfTheStarterSetHasNoLanguageWarning() throws Exception {
		int exit = run(this.commands.validateCommand(this.mail), "validate");

		assertThat(exit).isZero();
		assertThat(output()).startsWith("OK ").doesNotContain("WARNING");
	}

	@Test
	void validateOfBrokenSetPrintsEveryProblemAsFileLineMessageAndExitsOne() throws Exception {
		int exit = run(this.commands.validateCommand(this.mail), "validate", "--rules=" + RuleFixtures.BROKEN);

		assertThat(exit).isEqualTo(1);
		assertThat(output()).contains("unknown-playbook.drl:11: raises the playbook 'no-such-playbook'")
			.contains("playbooks/support-effort-review.yml:2: ");
	}

	@Test
	void testRulesExitsOneWhenAScenarioFails() throws Exception {
		int exit = run(this.commands.testRulesCommand(), "test-rules", "--rules=" + RuleFixtures.VALID);

		assertThat(exit).isEqualTo(1);
		assertThat(output()).contains("FAIL usage/decline.scenarios.yml").contains("1 passed, 1 failed");
	}

	@Test
	void testRulesPassesOnTheStarterLibraryByDefault() throws Exception {
		int exit = run(this.commands.testRulesCommand(), "test-rules");

		assertThat(output()).endsWith("failed - OK" + System.lineSeparator());
		assertThat(exit).isZero();
	}

	private int run(Command command, String... args) throws Exception {
		return command.run(new CommandArguments(new DefaultApplicationArguments(args)),
				new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
