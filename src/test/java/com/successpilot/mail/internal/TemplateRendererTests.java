package com.successpilot.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template language CS ops write mail templates in.
 */
class TemplateRendererTests {

	@Test
	void htmlTemplatesEscapeValuesAndTextTemplatesDoNot() {
		Map<String, Object> model = Map.of("account", "<b>Tom & Jerry's</b> 株式会社");

		assertThat(new TemplateRenderer(true).render("<p>{{account}}</p>", model))
			.isEqualTo("<p>&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; 株式会社</p>");
		assertThat(new TemplateRenderer(false).render("{{ account }}", model)).isEqualTo("<b>Tom & Jerry's</b> 株式会社");
	}

	@Test
	void sectionsRepeatOverListsShowOnTruthAndInvertedSectionsOnNothing() {
		Map<String, Object> model = Map.of("csm", "美咲", "tasks",
				List.of(Map.of("title", "A", "urgent", true), Map.of("title", "B", "urgent", false)), "closed",
				List.of(), "zero", 0);

		String text = new TemplateRenderer(false).render("""
				{{#tasks}}
				- {{title}} for {{csm}}{{#urgent}} (urgent){{/urgent}}
				{{/tasks}}
				{{^closed}}
				nothing closed{{#zero}} never{{/zero}}
				{{/closed}}
				{{! a comment }}
				{{unknown}}end
				""", model);

		assertThat(text).isEqualTo("- A for 美咲 (urgent)\n- B for 美咲\nnothing closed\nend\n");
	}

	@Test
	void anUnclosedSectionIsReportedByName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TemplateRenderer(false).render("{{#tasks}}x", Map.of()))
			.withMessageContaining("{{#tasks}}");
	}

	@Test
	void aTemplateInTheConfigFolderOverridesTheDefault(@TempDir Path config) throws Exception {
		Files.writeString(config.resolve("urgent-subject.ja.txt"), "緊急: {{title}}\n", StandardCharsets.UTF_8);
		Map<String, Object> model = Map.of("title", "Call <ACME>", "salutationName", "佐藤", "task",
				Map.of("title", "Call <ACME>"));

		MailTemplates.Rendered japanese = new MailTemplates(config).render("urgent", "ja", model);
		MailTemplates.Rendered english = new MailTemplates(config).render("urgent", "en", model);

		assertThat(japanese.subject()).isEqualTo("緊急: Call <ACME>");
		assertThat(japanese.text()).startsWith("佐藤さん").contains("Call <ACME>");
		assertThat(japanese.html()).contains("Call &lt;ACME&gt;");
		assertThat(english.subject()).isEqualTo("[SuccessPilot] Urgent: Call <ACME>");
		assertThat(english.text()).startsWith("Hi 佐藤,");
	}

}
