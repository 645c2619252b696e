package com.successpilot.ingest.internal;

import java.nio.file.Path;

/**
 * A feed file being imported, with its row in the import ledger.
 *
 * @param ledgerId the {@code import_files} row
 * @param feed the feed's name
 * @param path where the file is
 */
record ImportedFile(long ledgerId, String feed, Path path) {

	/**
	 * The name an operator sees in messages: {@code <feed>/<file name>}.
	 */
	String displayName() {
		return this.feed + "/" + this.path.getFileName();
	}

}
