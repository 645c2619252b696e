package com.successpilot.benchmark;

import java.io.PrintStream;
import java.util.List;

/**
 * What a bulk load wrote: per feed the rows of its file and the time to stage them, per
 * table the rows written and the time and rate of its {@code INSERT … SELECT}.
 */
final class BulkLoadReport {

	private BulkLoadReport() {
	}

	static void print(List<LoadedFeed> feeds, double seconds, PrintStream out) {
		out.printf("%nBulk load (LOAD DATA LOCAL INFILE into staging, then INSERT ... SELECT per table)%n");
		out.println(
				"  feed                  file rows   load s   table                        rows  insert s      rows/s");
		long total = 0;
		for (LoadedFeed feed : feeds) {
			String feedColumns = String.format("  %-18s %,12d %8.1f", feed.name(), feed.fileRows(), feed.loadSeconds());
			for (WrittenTable table : feed.tables()) {
				out.printf("%s   %-20s %,12d %9.1f %,11.0f%n", feedColumns, table.table(), table.rows(),
						table.seconds(), (table.seconds() > 0) ? table.rows() / table.seconds() : 0);
				feedColumns = " ".repeat(feedColumns.length());
				total += table.rows();
			}
			long skipped = feed.fileRows() - feed.tables().get(0).rows();
			if (skipped > 0) {
				out.printf(
						"  (%,d %s rows name an unknown account, CSM or goal: not loaded, as the import rejects them)%n",
						skipped, feed.name());
			}
		}
		out.printf("Bulk-loaded %,d rows into %d tables in %.1f s (%,.0f rows/s)%n", total,
				feeds.stream().mapToInt((feed) -> feed.tables().size()).sum(), seconds, total / seconds);
	}

	/**
	 * One feed: its file rows, the seconds to stage them and the tables they went to.
	 */
	record LoadedFeed(String name, long fileRows, double loadSeconds, List<WrittenTable> tables) {

	}

	/**
	 * One table: rows written by its statements and their seconds.
	 */
	record WrittenTable(String table, long rows, double seconds) {

		/** The same table written by a further statement (one per usage metric). */
		WrittenTable and(WrittenTable more) {
			return new WrittenTable(this.table, this.rows + more.rows, this.seconds + more.seconds);
		}

	}

}
