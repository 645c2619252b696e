package com.successpilot.ingest;

import java.time.LocalDateTime;

/**
 * Where a feed's rows come from when it reads a database instead of files: the
 * {@code source:} block of a feed in {@code batch-jobs/} (docs/sources.md).
 *
 * @param dataSource the named data source the query runs on
 * @param query the SELECT, with the parameters {@code :since}, {@code :until} and
 * {@code :businessDate}
 * @param watermark the result column whose largest value imported becomes the next pull's
 * {@code :since}; {@code null} for a feed pulled whole every night
 * @param initialWatermark the {@code :since} of the first pull (or after a reset)
 * @param fetchSize rows the driver fetches per round trip (the result is streamed)
 * @param onFailure what the night does when the source cannot be reached or the query
 * fails
 */
public record FeedSource(SourceDataSource dataSource, String query, String watermark, LocalDateTime initialWatermark,
		int fetchSize, OnFailure onFailure) {

	/**
	 * What a night does with a feed whose source fails.
	 */
	public enum OnFailure {

		/** The feed's step fails, and with it the run (as a file that cannot be read). */
		STOP,
		/**
		 * The feed is skipped: its pull is recorded as failed, its watermark stays, and
		 * the night goes on judging on the data imported before.
		 */
		SKIP

	}

}
