package com.successpilot.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.TestData;

/**
 * Drops feed files into a test inbox, the way an upstream system or an operator would.
 */
final class FeedFiles {

	private final ImportDefinition definition;

	FeedFiles(ImportDefinition definition) {
		this.definition = definition;
	}

	/**
	 * An empty inbox and archive over an empty portfolio: where each import test starts.
	 */
	static FeedFiles startingEmpty(ImportDefinition definition, JdbcTemplate jdbc) {
		deleteRecursively(definition.inbox());
		deleteRecursively(definition.archive());
		TestData.deleteAll(jdbc);
		return new FeedFiles(definition);
	}

	Path drop(String feed, String fileName, String content) {
		return drop(feed, fileName, content.getBytes(StandardCharsets.UTF_8));
	}

	Path drop(String feed, String fileName, String content, Charset charset) {
		return drop(feed, fileName, content.getBytes(charset));
	}

	Path drop(String feed, String fileName, byte[] content) {
		try {
			Path folder = this.definition.inbox().resolve(feed);
			Files.createDirectories(folder);
			return Files.write(folder.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path inbox(String feed) {
		return this.definition.inbox().resolve(feed);
	}

	Path archive(String feed) {
		return this.definition.archive().resolve(feed);
	}

	void dropStarterPortfolio() {
		drop("csms", "csms.csv", """
				email,name
				misaki.sato@example.com,佐藤 美咲
				tom.baker@example.com,Tom Baker
				""");
		drop("accounts", "accounts.csv", """
				account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date
				ACC-1,株式会社さくらロジスティクス,enterprise,logistics,misaki.sato@example.com,adoption,2025-04-01,2025-05-15
				ACC-2,"Northwind Analytics, Ltd.",mid-market,software,tom.baker@example.com,onboarding,2026-10-01,
				ACC-3,Contoso Foods,smb,retail,tom.baker@example.com,renewal,2024-12-01,2025-01-10
				""");
	}

	static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
