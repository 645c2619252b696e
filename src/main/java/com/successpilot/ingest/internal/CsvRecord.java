package com.successpilot.ingest.internal;

import java.util.List;

/**
 * One record of a CSV file as written: the physical line it starts on, its raw text
 * (which may span lines when a quoted field holds a newline) and its fields.
 */
record CsvRecord(long lineNumber, String raw, List<String> fields) {

	boolean isBlank() {
		return this.fields.size() == 1 && this.fields.get(0).isBlank();
	}

}
