package com.successpilot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.MarkdownLinks.BrokenLink;
import com.successpilot.MarkdownLinks.Link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every relative link in the README and the Markdown under {@code docs/}, {@code rules/},
 * {@code batch-jobs/} and {@code config/} leads to a file of the repository (and, with an
 * anchor, to a heading of it). A failure names the file, the line and the missing target.
 */
class DocumentationLinksTests {

	private static final List<String> FILES = List.of("README.md");

	private static final List<String> FOLDERS = List.of("docs", "rules", "batch-jobs", "config");

	@Test
	void everyLinkInTheDocumentationLeadsToAFile() {
		MarkdownLinks markdown = new MarkdownLinks(Path.of(""));
		List<Path> files = markdown.markdownFiles(FILES, FOLDERS);
		assertThat(files).as("Markdown files").isNotEmpty();
		List<Link> links = files.stream().flatMap((file) -> markdown.links(file).stream()).toList();
		assertThat(links).as("relative links in " + files).isNotEmpty();

		List<BrokenLink> broken = links.stream().map(markdown::check).filter(Objects::nonNull).toList();

		assertThat(broken).as("links that lead nowhere (file:line: target)").isEmpty();
	}

	@Test
	void aMissingFileIsReportedWithFileLineAndTarget(@TempDir Path repository) throws IOException {
		Files.createDirectories(repository.resolve("docs"));
		Files.writeString(repository.resolve("docs/api.md"), "# API\n");
		Files.writeString(repository.resolve("README.md"), """
				# Tool

				Read [the API](docs/api.md) and [operations](docs/operations.md).
				""");

		List<BrokenLink> broken = brokenLinks(repository);

		assertThat(broken).extracting(BrokenLink::toString)
			.containsExactly("README.md:3: docs/operations.md (no such file: docs/operations.md)");
	}

	@Test
	void anAnchorMustNameAHeading(@TempDir Path repository) throws IOException {
		Files.createDirectories(repository.resolve("rules"));
		Files.writeString(repository.resolve("rules/README.md"), """
				# Rules

				## Attention: what reaches a CSM (`attention.yml`)

				## 注意：CSM に届くもの
				""");
		Files.writeString(repository.resolve("README.md"), """
				See [attention](rules/README.md#attention-what-reaches-a-csm-attentionyml),
				[注意](rules/README.md#注意csm-に届くもの) and [budgets](rules/README.md#budgets);
				[up](#tool) [down](#nowhere).

				# Tool
				""");

		List<BrokenLink> broken = brokenLinks(repository);

		assertThat(broken).extracting(BrokenLink::line, BrokenLink::target)
			.containsExactly(tuple(2, "rules/README.md#budgets"), tuple(3, "#nowhere"));
	}

	@Test
	void codeWebAddressesAndLinksOutsideTheRepositoryAreToldApart(@TempDir Path repository) throws IOException {
		Files.writeString(repository.resolve("README.md"), """
				[site](https://example.com/missing.md), [mail](mailto:ops@example.com),
				`[code](missing.md)`

				```
				[in a block](missing.md)
				```

				[up and out](../../rules/README.md)
				[ref]: missing-too.md
				""");

		List<BrokenLink> broken = brokenLinks(repository);

		assertThat(broken).extracting(BrokenLink::line, BrokenLink::reason)
			.containsExactly(tuple(8, "points outside the repository"), tuple(9, "no such file: missing-too.md"));
	}

	private static List<BrokenLink> brokenLinks(Path repository) {
		MarkdownLinks markdown = new MarkdownLinks(repository);
		return markdown.markdownFiles(FILES, FOLDERS)
			.stream()
			.flatMap((file) -> markdown.links(file).stream())
			.map(markdown::check)
			.filter(Objects::nonNull)
			.toList();
	}

}
