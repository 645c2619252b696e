package com.successpilot.portfolio.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes one feed file: UTF-8 without BOM, LF line endings, a header row and RFC-4180
 * quoting. Rows are built field by field and streamed through a small buffer; the file is
 * written as {@code <name>.csv.partial} and renamed on {@link #commit()}, so the importer
 * (which picks up {@code *.csv}) never reads half a file.
 */
final class CsvFeedWriter implements Closeable {

	private static final int FLUSH_AT = 1 << 15;

	private final Feed feed;

	private final Path target;

	private final Path partial;

	private final Writer out;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

	private char[] chunk = new char[FLUSH_AT + 4096];

	private int fieldsInRow;

	private long rows;

	private boolean committed;

	private CsvFeedWriter(Feed feed, Path target) throws IOException {
		this.feed = feed;
		this.target = target;
		this.partial = target.resolveSibling(target.getFileName() + ".partial");
		Files.createDirectories(target.getParent());
		this.out = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(this.partial), 1 << 16),
				StandardCharsets.UTF_8);
		for (String column : feed.columns()) {
			text(column);
		}
		endRow();
		this.rows = 0;
	}

	static CsvFeedWriter open(Path inbox, Feed feed, LocalDate businessDate) throws IOException {
		return new CsvFeedWriter(feed, feed.file(inbox, businessDate));
	}

	Feed feed() {
		return this.feed;
	}

	Path file() {
		return this.target;
	}

	/**
	 * Data rows written so far, not counting the header.
	 */
	long rows() {
		return this.rows;
	}

	CsvFeedWriter text(String value) {
		separate();
		if (value != null) {
			if (needsQuotes(value)) {
				quoted(value);
			}
			else {
				this.buffer.append(value);
			}
		}
		return this;
	}

	CsvFeedWriter number(long value) {
		separate();
		this.buffer.append(value);
		return this;
	}

	/**
	 * A decimal with at most {@code scale} digits after the point, trailing zeros dropped
	 * ({@code 42}, {@code 3.5}).
	 */
	CsvFeedWriter decimal(double value, int scale) {
		separate();
		long factor = (long) Math.pow(10, scale);
		long scaled = Math.round(Math.abs(value) * factor);
		if (value < 0 && scaled != 0) {
			this.buffer.append('-');
		}
		this.buffer.append(scaled / factor);
		long fraction = scaled % factor;
		if (fraction != 0) {
			String digits = Long.toString(factor + fraction).substring(1);
			int end = digits.length();
			while (digits.charAt(end - 1) == '0') {
				end--;
			}
			this.buffer.append('.').append(digits, 0, end);
		}
		return this;
	}

	CsvFeedWriter date(LocalDate value) {
		return text((value != null) ? value.toString() : null);
	}

	CsvFeedWriter dateTime(LocalDateTime value) {
		separate();
		if (value != null) {
			this.buffer.append(value.toLocalDate()).append(' ');
			twoDigits(value.getHour()).append(':');
			twoDigits(value.getMinute()).append(':');
			twoDigits(value.getSecond());
		}
		return this;
	}

	CsvFeedWriter bool(boolean value) {
		separate();
		this.buffer.append(value);
		return this;
	}

	CsvFeedWriter empty() {
		separate();
		return this;
	}

	void endRow() {
		if (this.fieldsInRow != this.feed.columns().size()) {
			throw new IllegalStateException(this.feed.feedName() + " row " + (this.rows + 1) + " has "
					+ this.fieldsInRow + " fields, the header " + this.feed.columns().size());
		}
		this.buffer.append('\n');
		this.fieldsInRow = 0;
		this.rows++;
		if (this.buffer.length() >= FLUSH_AT) {
			flushBuffer();
		}
	}

	/**
	 * Completes the file and moves it to its final name.
	 */
	void commit() throws IOException {
		flushBuffer();
		this.out.close();
		Files.move(this.partial, this.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		this.committed = true;
	}

	/**
	 * Abandons an uncommitted file; does nothing after {@link #commit()}.
	 */
	@Override
	public void close() throws IOException {
		if (!this.committed) {
			this.out.close();
			Files.deleteIfExists(this.partial);
		}
	}

	static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	private void quoted(String value) {
		this.buffer.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				this.buffer.append('"');
			}
			this.buffer.append(c);
		}
		this.buffer.append('"');
	}

	private void separate() {
		if (this.fieldsInRow++ > 0) {
			this.buffer.append(',');
		}
	}

	private StringBuilder twoDigits(int value) {
		return this.buffer.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private void flushBuffer() {
		int length = this.buffer.length();
		if (this.chunk.length < length) {
			this.chunk = new char[length];
		}
		this.buffer.getChars(0, length, this.chunk, 0);
		try {
			this.out.write(this.chunk, 0, length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.partial, ex);
		}
		this.buffer.setLength(0);
	}

}
