package com.successpilot.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.mail.internal.MailTemplates.MailTemplateException;

/**
 * The template language CS ops write mail templates in (Mustache), and what they are told
 * when a template is wrong.
 */
class MailTemplatesTests {

	@TempDir
	Path config;

	@Test
	void htmlTemplatesEscapeValuesAndTextTemplatesDoNot() throws IOException {
		write("check", "{{account}}", "{{ account }}: {{comment}}", "<p>{{account}}</p><q>{{comment}}</q>");
		Map<String, Object> model = Map.of("account", "<b>Tom & Jerry's</b> 株式会社", "comment",
				"<script>alert(\"hi\")</script>");

		MailTemplates.Rendered rendered = new MailTemplates(this.config).render("check", "en", model);

		assertThat(rendered.html()).isEqualTo("<p>&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; 株式会社</p>"
				+ "<q>&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;</q>");
		assertThat(rendered.text()).isEqualTo("<b>Tom & Jerry's</b> 株式会社: <script>alert(\"hi\")</script>");
		assertThat(rendered.subject()).isEqualTo("<b>Tom & Jerry's</b> 株式会社");
	}

	@Test
	void sectionsRepeatOverListsShowOnTruthAndInvertedSectionsOnNothing() throws IOException {
		write("check", "{{csm}}", """
				{{#tasks}}
				- {{title}} for {{csm}}{{#urgent}} (urgent){{/urgent}}{{#note}}: {{note}}{{/note}}
				{{/tasks}}
				{{^closed}}
				nothing closed{{#zero}} never{{/zero}}{{^missing}}, no comment{{/missing}}
				{{/closed}}
				{{! a comment }}
				{{empty}}end
				""", "");
		Map<String, Object> model = new HashMap<>(
				Map.of("csm", "美咲", "tasks", List.of(Map.of("title", "A", "urgent", true, "note", "call first"),
						Map.of("title", "B", "urgent", false, "note", "")), "closed", List.of(), "zero", 0));
		model.put("missing", null);
		model.put("empty", null);

		String text = new MailTemplates(this.config).render("check", "ja", model).text();

		assertThat(text).isEqualTo("- A for 美咲 (urgent): call first\n- B for 美咲\nnothing closed, no comment\nend\n");
	}

	@Test
	void aNameTheMailDoesNotHaveIsReportedWithFileLineAndTheNearestName() throws IOException {
		write("check", "{{csm}}", "Hi {{csm}},\n{{#tasks}}\n- {{titel}}\n{{/tasks}}\n", "");
		Map<String, Object> model = Map.of("csm", "Kenta", "tasks", List.of(Map.of("title", "Call")));

		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("check", "en", model))
			.withMessage("Mail template " + this.config.resolve("check.en.txt")
					+ ", line 3: no value named 'titel' — did you mean 'title'?");
	}

	@Test
	void aMisspeltSectionIsReportedRatherThanLeftOut() throws IOException {
		write("check", "{{csm}}", "{{#taks}}\n- {{title}}\n{{/taks}}\n", "");
		Map<String, Object> model = Map.of("csm", "Kenta", "tasks", List.of(Map.of("title", "Call")));

		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("check", "en", model))
			.withMessageContaining("check.en.txt, line 1: no value named 'taks' — did you mean 'tasks'?");
	}

	@Test
	void anUnclosedSectionIsReportedWithFileLineAndName() throws IOException {
		write("check", "{{csm}}", "Hi\n\n{{#tasks}}x\n", "");

		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("check", "en", Map.of("csm", "Kenta")))
			.withMessage("Mail template " + this.config.resolve("check.en.txt")
					+ ", line 3: Section missing close tag 'tasks'");
	}

	@Test
	void aMissingTemplateIsReportedByName() {
		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("nothing", "en", Map.of()))
			.withMessageStartingWith("Cannot read the mail template nothing-subject.en.txt");
	}

	@Test
	void aTemplateIncludesAnotherOfTheFolderAndAMistakeThereNamesThatFile() throws IOException {
		write("check", "{{csm}}", "Hi {{csm}},\n{{#tasks}}\n{{> item.en.txt}}\n{{/tasks}}\n", "");
		Files.writeString(this.config.resolve("item.en.txt"), "- {{title}}\n");
		Map<String, Object> model = Map.of("csm", "Kenta", "tasks",
				List.of(Map.of("title", "Call"), Map.of("title", "Mail")));

		assertThat(new MailTemplates(this.config).render("check", "en", model).text())
			.isEqualTo("Hi Kenta,\n- Call\n- Mail\n");

		Files.writeString(this.config.resolve("item.en.txt"), "- {{title}}\n  {{lnk}}\n");
		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("check", "en", model))
			.withMessage("Mail template " + this.config.resolve("item.en.txt") + ", line 2: no value named 'lnk'");

		Files.writeString(this.config.resolve("item.en.txt"), "- {{#title}}\n");
		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("check", "en", model))
			.withMessage("Mail template " + this.config.resolve("item.en.txt")
					+ ", line 1: Section missing close tag 'title'");
	}

	@Test
	void anHtmlTemplateIncludesHtmlTemplatesOnlySoEveryValueInItIsEscaped() throws IOException {
		write("check", "{{csm}}", "{{csm}}", "<p>{{> task.en.txt}}</p>");

		assertThatExceptionOfType(MailTemplateException.class)
			.isThrownBy(() -> new MailTemplates(this.config).render("check", "en", Map.of("csm", "Kenta")))
			.withMessage("Mail template " + this.config.resolve("check.en.html")
					+ " includes 'task.en.txt': a .html template can include other .html templates of this folder only");
	}

	@Test
	void aTemplateInTheConfigFolderOverridesTheDefault() throws IOException {
		Files.writeString(this.config.resolve("urgent-subject.ja.txt"), "緊急: {{title}}\n", StandardCharsets.UTF_8);
		Map<String, Object> task = urgentTask("Call <ACME>");
		Map<String, Object> model = new HashMap<>(task);
		model.putAll(Map.of("salutationName", "佐藤", "runDate", "2026年11月23日", "task", task));

		MailTemplates.Rendered japanese = new MailTemplates(this.config).render("urgent", "ja", model);
		MailTemplates.Rendered english = new MailTemplates(this.config).render("urgent", "en", model);

		assertThat(japanese.subject()).isEqualTo("緊急: Call <ACME>");
		assertThat(japanese.text()).startsWith("佐藤さん").contains("■ 〔High〕Call <ACME>【新規】").doesNotContain("{{");
		assertThat(japanese.html()).contains("Call &lt;ACME&gt;").doesNotContain("Call <ACME>");
		assertThat(english.subject()).isEqualTo("[SuccessPilot] Urgent: Call <ACME>");
		assertThat(english.text()).startsWith("Hi 佐藤,").contains("* [High] Call <ACME> [new]");
	}

	/**
	 * A task with every name the urgent templates use, as {@code TaskBlocks} gives it.
	 */
	private static Map<String, Object> urgentTask(String title) {
		Map<String, Object> task = new HashMap<>();
		for (String empty : List.of("changeNote", "rankScore", "rankParts", "renewalDate", "daysToRenewal",
				"contactName", "contactEmail", "npsComment", "ticketsLine", "tickets", "goalName", "goalPeriod",
				"goalTarget", "goalDue")) {
			task.put(empty, null);
		}
		task.putAll(Map.of("title", title, "link", "http://localhost:8080/tasks/1", "isNew", true, "account", "ACME",
				"accountId", "ACC-1", "arr", "$1,000", "hasRenewal", false, "health", "B (62.5)", "hasContact", false,
				"why", "Escalations"));
		task.putAll(Map.of("priorityLabel", "High", "facts", List.of(), "thresholds", List.of(), "evidenceLine", "",
				"dueDate", "23 Nov 2026", "steps",
				List.of(Map.of("number", 1, "text", "Call", "dueDate", "23 Nov 2026", "dueShort", "23 Nov"))));
		return task;
	}

	private void write(String name, String subject, String text, String html) throws IOException {
		for (String language : List.of("ja", "en")) {
			Files.writeString(this.config.resolve(name + "-subject." + language + ".txt"), subject);
			Files.writeString(this.config.resolve(name + "." + language + ".txt"), text);
			Files.writeString(this.config.resolve(name + "." + language + ".html"), html);
		}
	}

}
