package com.successpilot.portfolio;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.successpilot.portfolio.DemoPortfolio.Archetype;

/**
 * What {@link DemoPortfolio#generate} wrote.
 *
 * @param inbox the inbox the feeds were written under
 * @param businessDate the business date in every file name
 * @param seed the seed used
 * @param files the files written, in import order
 * @param rowsPerFeed data rows (without the header) per feed name, in import order
 * @param accountsPerArchetype how many accounts have each archetype
 */
public record PortfolioSummary(Path inbox, LocalDate businessDate, long seed, List<Path> files,
		Map<String, Long> rowsPerFeed, Map<Archetype, Integer> accountsPerArchetype) {

	public PortfolioSummary {
		files = List.copyOf(files);
		rowsPerFeed = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFeed));
		Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
		counts.putAll(accountsPerArchetype);
		accountsPerArchetype = Collections.unmodifiableMap(counts);
	}

	/**
	 * The number of accounts generated.
	 */
	public int accounts() {
		return Math.toIntExact(rows("accounts"));
	}

	/**
	 * Data rows written to one feed, e.g. {@code rows("usage")}; 0 for an unknown feed.
	 */
	public long rows(String feed) {
		return this.rowsPerFeed.getOrDefault(feed, 0L);
	}

	/**
	 * Data rows written to all feeds.
	 */
	public long totalRows() {
		return this.rowsPerFeed.values().stream().mapToLong(Long::longValue).sum();
	}

}
