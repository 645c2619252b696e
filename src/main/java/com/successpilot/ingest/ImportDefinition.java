package com.successpilot.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code import:} section of a job definition: the feeds in the order they are
 * imported, where files arrive and where they go once imported.
 *
 * @param source the job definition file this was read from, for messages
 * @param inbox the folder holding one sub-folder per feed
 * @param archive where imported files move, under {@code <feed>/<business date>/}
 * @param maxRejectedRatio the share of rejected rows above which a feed step fails
 * @param chunkSize rows written per transaction
 * @param feeds the feeds, in import order
 */
public record ImportDefinition(Path source, Path inbox, Path archive, double maxRejectedRatio, int chunkSize,
		List<FeedDefinition> feeds) {

	public Path inboxOf(FeedDefinition feed) {
		return this.inbox.resolve(feed.name());
	}

}
