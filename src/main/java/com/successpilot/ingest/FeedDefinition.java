package com.successpilot.ingest;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One feed as declared in a job definition under {@code batch-jobs/}: where its files
 * come from, how they are encoded, and which CSV column carries which field.
 *
 * @param name the feed's name, also its inbox folder and step name ({@code usage} →
 * {@code usageImportStep})
 * @param target what the rows become (e.g. {@code daily-usage})
 * @param files a glob selecting the feed's files in its inbox folder
 * @param encoding the files' character set ({@code Shift_JIS} reads as Windows-31J, what
 * Excel in Japan writes)
 * @param delimiter the field separator
 * @param columns field name → CSV header
 * @param metrics further CSV columns kept as named usage metrics
 * @param required {@code true} when a run without rows for this feed (no file, an empty
 * file) must fail; otherwise an empty file is a warning and the feed is skipped
 * @param futureDates what a row dated after the business date gets (usage, tickets, NPS)
 * @param endedButActive what a contract still marked active after its end date gets
 * @param source the database query the rows come from instead of files (then
 * {@code columns} maps fields to result columns), or {@code null} for a file feed
 */
public record FeedDefinition(String name, String target, String files, Charset encoding, char delimiter,
		Map<String, String> columns, List<String> metrics, boolean required, Handling futureDates,
		Handling endedButActive, FeedSource source) {

	/**
	 * A file feed.
	 */
	public FeedDefinition(String name, String target, String files, Charset encoding, char delimiter,
			Map<String, String> columns, List<String> metrics, boolean required, Handling futureDates,
			Handling endedButActive) {
		this(name, target, files, encoding, delimiter, columns, metrics, required, futureDates, endedButActive, null);
	}

	/**
	 * A feed with the defaults of the checks a definition may set: not required, future
	 * dates rejected, ended-but-active contracts warned about.
	 */
	public FeedDefinition(String name, String target, String files, Charset encoding, char delimiter,
			Map<String, String> columns, List<String> metrics) {
		this(name, target, files, encoding, delimiter, columns, metrics, false, Handling.REJECT, Handling.WARN);
	}

	/**
	 * Whether the rows come from a database query rather than files in the inbox.
	 */
	public boolean isSqlSource() {
		return this.source != null;
	}

	/**
	 * The same feed reading its rows from {@code source}.
	 */
	public FeedDefinition withSource(FeedSource source) {
		return new FeedDefinition(this.name, this.target, this.files, this.encoding, this.delimiter, this.columns,
				this.metrics, this.required, this.futureDates, this.endedButActive, source);
	}

	public String stepName() {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : this.name.toCharArray()) {
			if (c == '-' || c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel + "ImportStep";
	}

	/**
	 * What a row that is well-formed but doubtful (dated in the future, contradicting
	 * itself) gets, as the feed's definition says.
	 */
	public enum Handling {

		/** Rejected like any bad row: listed in the reject file, not imported. */
		REJECT,
		/** Imported, with a warning in the log and the run summary. */
		WARN,
		/** Imported without a word. */
		ACCEPT;

		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
