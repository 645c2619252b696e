package com.successpilot.ingest;

import java.nio.charset.Charset;
import java.util.List;
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
 */
public record FeedDefinition(String name, String target, String files, Charset encoding, char delimiter,
		Map<String, String> columns, List<String> metrics) {

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

}
