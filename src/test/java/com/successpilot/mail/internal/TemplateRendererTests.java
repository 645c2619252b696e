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
		Files.writeString(config.resolve("urgent-subject.txt"), "緊急: {{title}}\n", StandardCharsets.UTF_8);

		MailTemplates.Rendered rendered = new MailTemplates(config).render("urgent",
				Map.of("title", "Call <ACME>", "csmName", "美咲"));

		assertThat(rendered.subject()).isEqualTo("緊急: Call <ACME>");
		assertThat(rendered.text()).contains("美咲 さん").contains("Call <ACME>");
		assertThat(rendered.html()).contains("Call &lt;ACME&gt;");
	}

}
