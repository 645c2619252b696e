package com.successpilot.account.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The portfolio as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads
 * Japanese names right), CRLF line ends and RFC 4180 quoting. A text that a spreadsheet
 * would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) gets a
 * leading apostrophe, so opening the file never runs a customer-supplied formula.
 */
final class PortfolioCsv {

	static final String HEADER = "external_id,name,segment,lifecycle_stage,csm,health_grade,health_score,"
			+ "health_change,arr,currency,renewal_date,days_to_renewal,open_tasks";

	private final Writer out;

	PortfolioCsv(Writer out) {
		this.out = out;
	}

	void header() {
		write('\uFEFF' + HEADER + "\r\n");
	}

	void row(PortfolioRow row) {
		StringBuilder line = new StringBuilder(160);
		text(line, row.externalId()).append(',');
		text(line, row.name()).append(',');
		text(line, row.segment()).append(',');
		text(line, row.stage()).append(',');
		text(line, row.csmName()).append(',');
		text(line, row.grade()).append(',');
		number(line, row.score()).append(',');
		number(line, row.change()).append(',');
		number(line, row.arr()).append(',');
		text(line, row.currency()).append(',');
		date(line, row.renewalDate()).append(',');
		line.append((row.daysToRenewal() != null) ? row.daysToRenewal().toString() : "").append(',');
		line.append(row.openTasks()).append("\r\n");
		write(line.toString());
	}

	static StringBuilder text(StringBuilder line, String value) {
		if (value == null) {
			return line;
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0;
		return quote ? line.append('"').append(safe.replace("\"", "\"\"")).append('"') : line.append(safe);
	}

	private static StringBuilder number(StringBuilder line, BigDecimal value) {
		return (value != null) ? line.append(value.toPlainString()) : line;
	}

	private static StringBuilder date(StringBuilder line, LocalDate value) {
		return (value != null) ? line.append(value) : line;
	}

	private void write(String text) {
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
