package com.successpilot.ingest.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that keeps what an operator needs to find a bad row: the line a
 * record starts on and its raw text. Accepts CRLF and LF, quoted fields holding the
 * delimiter, quotes ({@code ""}) and line breaks, and drops a leading byte order mark. A
 * quote never closed fails with the line it opened on, and so does a record too long to
 * be one: the rest of the file is not swallowed into one field.
 */
final class CsvRecordReader implements Closeable {

	private static final int BOM = '\uFEFF';

	/**
	 * No real row comes near this; a file that does is not CSV or lost a quote, and is
	 * refused before it fills the memory.
	 */
	static final int MAX_RECORD_LENGTH = 1_000_000;

	private static final String MAX_RECORD_LENGTH_TEXT = "1,000,000";

	private final Reader reader;

	private final char delimiter;

	private long line = 1;

	private int pushedBack = -2;

	private boolean started;

	CsvRecordReader(Reader reader, char delimiter) {
		this.reader = reader;
		this.delimiter = delimiter;
	}

	/**
	 * Reads the next record, or returns {@code null} at the end of the input.
	 * @throws CsvFormatException when a quoted field is never closed
	 */
	CsvRecord next() throws IOException {
		int c = read();
		if (c == -1) {
			return null;
		}
		long startLine = this.line;
		StringBuilder raw = new StringBuilder(128);
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder(32);
		boolean quoted = false;
		boolean fieldWasQuoted = false;
		long quoteLine = startLine;
		while (true) {
			if (raw.length() > MAX_RECORD_LENGTH) {
				throw new CsvFormatException(startLine, raw.toString(),
						quoted ? "the quoted field opened on line " + quoteLine + " runs on for more than "
								+ MAX_RECORD_LENGTH_TEXT + " characters: its closing quote is missing"
								: "the record is longer than " + MAX_RECORD_LENGTH_TEXT + " characters");
			}
			if (c == -1) {
				if (quoted) {
					throw new CsvFormatException(startLine, raw.toString(),
							"the quoted field opened on line " + quoteLine + " is never closed (a quote is missing)");
				}
				fields.add(field.toString());
				return new CsvRecord(startLine, raw.toString(), List.copyOf(fields));
			}
			if (quoted) {
				if (c == '"') {
					int next = read();
					if (next == '"') {
						field.append('"');
						raw.append("\"\"");
					}
					else {
						quoted = false;
						raw.append('"');
						c = next;
						continue;
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					field.append((char) c);
					raw.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
				quoted = true;
				fieldWasQuoted = true;
				quoteLine = this.line;
				raw.append('"');
			}
			else if (c == this.delimiter) {
				fields.add(field.toString());
				field.setLength(0);
				fieldWasQuoted = false;
				raw.append((char) c);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					int next = read();
					if (next != '\n') {
						unread(next);
					}
				}
				this.line++;
				fields.add(field.toString());
				return new CsvRecord(startLine, raw.toString(), List.copyOf(fields));
			}
			else {
				field.append((char) c);
				raw.append((char) c);
			}
			c = read();
		}
	}

	/**
	 * The line the reader has reached, for a message about a problem found there.
	 */
	long line() {
		return this.line;
	}

	private int read() throws IOException {
		if (this.pushedBack != -2) {
			int c = this.pushedBack;
			this.pushedBack = -2;
			return c;
		}
		int c = this.reader.read();
		if (!this.started) {
			this.started = true;
			if (c == BOM) {
				c = this.reader.read();
			}
		}
		return c;
	}

	private void unread(int c) {
		this.pushedBack = c;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	/**
	 * The file cannot be read as CSV from this record on.
	 */
	static final class CsvFormatException extends IOException {

		private final long lineNumber;

		private final String raw;

		CsvFormatException(long lineNumber, String raw, String reason) {
			super(reason);
			this.lineNumber = lineNumber;
			this.raw = Excerpt.of(raw, Excerpt.LINE);
		}

		long lineNumber() {
			return this.lineNumber;
		}

		String raw() {
			return this.raw;
		}

	}

}
