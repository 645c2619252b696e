package com.successpilot.ingest;

import java.util.List;

import com.successpilot.ingest.internal.FeedMappings;

/**
 * What one feed of a job definition becomes, as the import writes it: the table, its
 * natural key, and for each CSV column the table column it fills, how its text is read
 * and what an empty value stands for. Derived from the feed's definition in
 * {@code batch-jobs/} and the import's own field declarations, so anything else that puts
 * feed files into the database (the benchmark's bulk load) writes the same rows without
 * declaring the mapping a second time.
 *
 * @param feed the feed's name (its inbox folder)
 * @param table the table its rows go to
 * @param keyColumns the table's natural key: a row with the same key is updated
 * @param columns the CSV columns the definition maps, in the definition's order
 * @param metrics further CSV columns kept as named metrics in {@link #metricsTable()}
 * @param metricsTable where named metrics go, keyed by {@code keyColumns} and the
 * metric's name; {@code null} when the feed's target keeps none
 */
public record FeedMapping(String feed, String table, List<String> keyColumns, List<MappedColumn> columns,
		List<String> metrics, String metricsTable) {

	/**
	 * The mapping of every feed of the definition, in import order.
	 */
	public static List<FeedMapping> of(ImportDefinition definition) {
		return definition.feeds().stream().map(FeedMappings::of).toList();
	}

	/**
	 * How the import reads a column's text.
	 */
	public enum Reading {

		/** Trimmed; empty is no value. */
		TEXT,
		/** An address, stored in lower case. */
		EMAIL,
		/** One of a set of words, stored in lower case. */
		CHOICE, DATE, DATE_TIME, INTEGER, DECIMAL,
		/** {@code true}/{@code yes}/{@code y}/{@code 1}; empty is false. */
		BOOLEAN,
		/** An account's external id, stored as the account's id. */
		ACCOUNT,
		/** A CSM's e-mail address, stored as the CSM's id. */
		CSM,
		/** A success goal's external id, stored as the goal's id. */
		GOAL

	}

	/**
	 * One mapped CSV column.
	 *
	 * @param header the CSV header
	 * @param column the table column it fills
	 * @param reading how its text is read
	 * @param maxLength the longest text accepted, 0 for no limit of its own
	 * @param whenEmpty the value stored when the column is empty, or {@code null}
	 */
	public record MappedColumn(String header, String column, Reading reading, int maxLength, Object whenEmpty) {

	}

}
