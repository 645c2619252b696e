package com.successpilot.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one generated feed file is bulk-loaded: the staging table its CSV columns are
 * loaded into as text (in the header's order), and the {@code INSERT … SELECT} statements
 * that move the staged rows into the portfolio tables. The statements are derived from
 * this declaration, never from input.
 */
final class BulkLoadFeed {

	/** Width of a staged number, date or flag: values are checked when inserted. */
	private static final int VALUE_WIDTH = 40;

	private final String name;

	private final Map<String, Integer> stagingColumns;

	private final List<Insert> inserts;

	private BulkLoadFeed(String name, Map<String, Integer> stagingColumns, List<Insert> inserts) {
		this.name = name;
		this.stagingColumns = stagingColumns;
		this.inserts = inserts;
	}

	static Builder named(String name) {
		return new Builder(name);
	}

	/**
	 * The feed's name, e.g. {@code goal-periods}.
	 */
	String name() {
		return this.name;
	}

	/**
	 * The CSV columns the feed's definition maps, each a column of the staging table.
	 */
	List<String> header() {
		return List.copyOf(this.stagingColumns.keySet());
	}

	String stagingTable() {
		return stagingTable(this.name);
	}

	private static String stagingTable(String feed) {
		return "bulk_load_" + feed.replace('-', '_');
	}

	/**
	 * The staging table, with a line number so the rows can be inserted in file order and
	 * in ranges of lines. Its collation is the portfolio tables' own, so the natural keys
	 * join on their unique indexes. A table of its own rather than a TEMPORARY one:
	 * InnoDB gives a dropped table's space back at once, while MariaDB's temporary
	 * tablespace keeps its high-water mark (~8 GB for the usage of 1,000,000 accounts)
	 * until the server restarts.
	 */
	String createStagingSql() {
		String columns = this.stagingColumns.entrySet()
			.stream()
			.map((column) -> column.getKey() + " VARCHAR(" + column.getValue() + ") NOT NULL")
			.collect(Collectors.joining(", "));
		return "CREATE TABLE " + stagingTable() + " (line BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, " + columns
				+ ") DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
	}

	/**
	 * Loads a file as the generator writes it: UTF-8, comma-separated, RFC 4180 quoting
	 * (quoted fields may hold commas, doubled quotes and line breaks), LF line ends, a
	 * header line. No escape character: a backslash is text.
	 * @param fileHeader the file's columns in its order; those the definition does not
	 * map are skipped
	 */
	String loadSql(List<String> fileHeader) {
		String columns = fileHeader.stream()
			.map((column) -> this.stagingColumns.containsKey(column) ? column : "@skipped")
			.collect(Collectors.joining(", "));
		return "LOAD DATA LOCAL INFILE ? INTO TABLE " + stagingTable()
				+ " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY ''"
				+ " LINES TERMINATED BY '\\n' IGNORE 1 LINES (" + columns + ")";
	}

	String dropStagingSql() {
		return "DROP TABLE IF EXISTS " + stagingTable();
	}

	List<Insert> inserts() {
		return this.inserts;
	}

	/**
	 * One {@code INSERT … SELECT} into a portfolio table, upserting by the table's
	 * natural key as the import does; its two parameters are the first and last staged
	 * line of a range.
	 *
	 * @param table the table written
	 * @param sql the statement
	 */
	record Insert(String table, String sql) {

	}

	static final class Builder {

		private final String name;

		private final Map<String, Integer> stagingColumns = new LinkedHashMap<>();

		private final List<Insert> inserts = new ArrayList<>();

		private Builder(String name) {
			this.name = name;
		}

		/**
		 * A text column, as wide as the table column it fills: a longer value is
		 * truncated with a warning, which fails the load (the import rejects it).
		 */
		Builder text(String column, int width) {
			this.stagingColumns.put(column, (width > 0) ? width : VALUE_WIDTH);
			return this;
		}

		/**
		 * Number, date or flag columns.
		 */
		Builder values(String... columns) {
			for (String column : columns) {
				this.stagingColumns.put(column, VALUE_WIDTH);
			}
			return this;
		}

		InsertBuilder into(String table, String... keyColumns) {
			return new InsertBuilder(this, table, List.of(keyColumns));
		}

		BulkLoadFeed build() {
			return new BulkLoadFeed(this.name, new LinkedHashMap<>(this.stagingColumns), List.copyOf(this.inserts));
		}

	}

	/**
	 * The columns of one insert, each with the expression that computes it from the
	 * staged row {@code s} and the joined rows.
	 */
	static final class InsertBuilder {

		private final Builder feed;

		private final String table;

		private final List<String> keyColumns;

		private final Map<String, String> columns = new LinkedHashMap<>();

		private String joins = "";

		private String condition;

		private InsertBuilder(Builder feed, String table, List<String> keyColumns) {
			this.feed = feed;
			this.table = table;
			this.keyColumns = keyColumns;
		}

		InsertBuilder column(String column, String expression) {
			this.columns.put(column, expression);
			return this;
		}

		/**
		 * Joins that resolve natural keys, e.g.
		 * {@code JOIN accounts a ON a.external_id = s.account_id}.
		 */
		InsertBuilder join(String join) {
			this.joins += " " + join;
			return this;
		}

		/**
		 * Which staged rows become rows of this table (conditions add up).
		 */
		InsertBuilder where(String condition) {
			this.condition = (this.condition != null) ? this.condition + ") AND (" + condition : condition;
			return this;
		}

		Builder end() {
			String updates = this.columns.keySet()
				.stream()
				.filter((column) -> !this.keyColumns.contains(column))
				.map((column) -> column + " = VALUES(" + column + ")")
				.collect(Collectors.joining(", "));
			String sql = "INSERT INTO " + this.table + " (" + String.join(", ", this.columns.keySet()) + ") SELECT "
					+ String.join(", ", this.columns.values()) + " FROM " + stagingTable(this.feed.name) + " s"
					+ this.joins + " WHERE s.line BETWEEN ? AND ?"
					+ ((this.condition != null) ? " AND (" + this.condition + ")" : "") + " ORDER BY s.line"
					+ " ON DUPLICATE KEY UPDATE " + updates;
			this.feed.inserts.add(new Insert(this.table, sql));
			return this.feed;
		}

	}

}
