package com.successpilot.benchmark;

import java.util.List;
import java.util.regex.Pattern;

import com.successpilot.ingest.FeedMapping;
import com.successpilot.ingest.FeedMapping.MappedColumn;
import com.successpilot.ingest.ImportDefinition;

/**
 * What each feed file becomes when bulk-loaded, derived from the same feed definitions
 * the import uses ({@link FeedMapping}: the job definition's column mappings in
 * {@code batch-jobs/} and the import's field declarations): the same tables, columns,
 * natural keys, references and values for empty columns, so a bulk-loaded portfolio holds
 * the same rows as an imported one ({@code BulkLoadTests} compares them). A column added
 * to a feed is bulk-loaded without a change here.
 * <p>
 * Values are converted as the generator writes them (ISO dates,
 * {@code true}/{@code false}, plain decimals); the import's other formats
 * ({@code 2026/11/23}, {@code 1,200}, {@code yes}) and its row checks are not repeated
 * here: this is the benchmark's loader for files it generated itself, not a second
 * import.
 */
final class BulkLoadFeeds {

	/** CSV headers become staging columns and metric names literals: plain names only. */
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private BulkLoadFeeds() {
	}

	static List<BulkLoadFeed> of(ImportDefinition definition) {
		return FeedMapping.of(definition).stream().map(BulkLoadFeeds::of).toList();
	}

	static BulkLoadFeed of(FeedMapping mapping) {
		BulkLoadFeed.Builder feed = BulkLoadFeed.named(mapping.feed());
		for (MappedColumn column : mapping.columns()) {
			String header = plain(mapping, column.header());
			switch (column.reading()) {
				case TEXT, EMAIL, CHOICE -> feed.text(header, column.maxLength());
				default -> feed.values(header);
			}
		}
		mapping.metrics().forEach((metric) -> feed.values(plain(mapping, metric)));
		BulkLoadFeed.InsertBuilder rows = feed.into(mapping.table(), mapping.keyColumns().toArray(String[]::new));
		for (MappedColumn column : mapping.columns()) {
			rows.column(column.column(), expression(rows, column));
		}
		rows.end();
		for (String metric : mapping.metrics()) {
			// as the import: one row per named metric with a value
			BulkLoadFeed.InsertBuilder metrics = feed.into(mapping.metricsTable(),
					concat(mapping.keyColumns(), "metric"));
			for (String key : mapping.keyColumns()) {
				MappedColumn column = mapping.columns()
					.stream()
					.filter((candidate) -> candidate.column().equals(key))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException(
							"Feed " + mapping.feed() + " keeps metrics but does not map its key column " + key));
				metrics.column(key, expression(metrics, column));
			}
			metrics.column("metric", "'" + metric + "'")
				.column("metric_value", "s." + metric)
				.where("s." + metric + " <> ''")
				.end();
		}
		return feed.build();
	}

	/**
	 * The value of a table column computed from the staged row {@code s}, joining what a
	 * reference needs.
	 */
	private static String expression(BulkLoadFeed.InsertBuilder rows, MappedColumn column) {
		String staged = "s." + column.header();
		return switch (column.reading()) {
			case TEXT -> text(staged);
			case EMAIL -> "LOWER(" + text(staged) + ")";
			case CHOICE ->
				(column.whenEmpty() != null) ? "COALESCE(LOWER(" + text(staged) + "), '" + column.whenEmpty() + "')"
						: "LOWER(" + text(staged) + ")";
			case DATE, DATE_TIME, INTEGER, DECIMAL -> (column.whenEmpty() != null)
					? "COALESCE(NULLIF(" + staged + ", ''), " + column.whenEmpty() + ")" : "NULLIF(" + staged + ", '')";
			// the import's spellings of true; empty is false
			case BOOLEAN -> "LOWER(" + staged + ") IN ('true', 'yes', 'y', '1')";
			// a row of an unknown account or goal is not loaded (the import rejects it)
			case ACCOUNT -> {
				rows.join("JOIN accounts a ON a.external_id = " + staged);
				yield "a.id";
			}
			case GOAL -> {
				rows.join("JOIN success_goals g ON g.external_id = " + staged);
				yield "g.id";
			}
			// an unknown CSM rejects the row in the import; no CSM is allowed
			case CSM -> {
				rows.join("LEFT JOIN csms c ON c.email = LOWER(TRIM(" + staged + "))");
				rows.where("TRIM(" + staged + ") = '' OR c.id IS NOT NULL");
				yield "c.id";
			}
		};
	}

	/** Trimmed text, empty as NULL (as the import reads a field). */
	private static String text(String staged) {
		return "NULLIF(TRIM(" + staged + "), '')";
	}

	private static String plain(FeedMapping mapping, String name) {
		if (!PLAIN_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Bulk load of the " + mapping.feed() + " feed: the CSV column '" + name
					+ "' is not a plain name (letters, digits, _); use --load=import");
		}
		return name;
	}

	private static String[] concat(List<String> keys, String last) {
		String[] columns = keys.toArray(new String[keys.size() + 1]);
		columns[keys.size()] = last;
		return columns;
	}

}
