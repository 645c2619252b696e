package com.successpilot.judgement.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.successpilot.rules.PlaybookResponse;
import com.successpilot.rules.facts.Threshold;
import com.successpilot.rules.facts.Words;

/**
 * A task's why in two forms: a sentence a CSM reads, in their language, and the rule,
 * facts and thresholds (with where each threshold comes from) as JSON for the web app and
 * the mails, which put them into words.
 */
final class Evidence {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Evidence() {
	}

	/**
	 * The playbook's why in the reader's language, else the rule's reason.
	 */
	static String why(PlaybookResponse response, String language) {
		return response.why(language);
	}

	/**
	 * {@code {"rule": …, "facts": {name: value}, "thresholds": {name: value},
	 * "thresholdSources": {name: {"source": "account", "agreedOn": "2025-04-09", "note":
	 * …} or {"source": "segment", "segment": "enterprise"}}}}.
	 * @param accountThresholds the account's thresholds, for their provenance
	 */
	static String json(PlaybookResponse response, List<Threshold> accountThresholds, String segment, String language) {
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("rule", response.rule());
		// words given in two languages, in the reader's
		Map<String, Object> facts = new LinkedHashMap<>();
		response.facts()
			.forEach((name, value) -> facts.put(name, (value instanceof Words words) ? words.in(language) : value));
		evidence.put("facts", facts);
		evidence.put("thresholds", response.thresholds());
		Map<String, Object> sources = new LinkedHashMap<>();
		for (String name : response.thresholds().keySet()) {
			// not among the account's: the catalogue's default for its segment
			sources.put(name,
					accountThresholds.stream()
						.filter((threshold) -> threshold.getName().equals(name))
						.findFirst()
						.map((threshold) -> source(threshold, segment))
						.orElseGet(() -> segmentDefault(segment)));
		}
		if (!sources.isEmpty()) {
			evidence.put("thresholdSources", sources);
		}
		return JSON.writeValueAsString(evidence);
	}

	private static Map<String, Object> segmentDefault(String segment) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("source", Threshold.SEGMENT);
		source.put("segment", segment);
		return source;
	}

	private static Map<String, Object> source(Threshold threshold, String segment) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("source", threshold.getSource());
		if (Threshold.ACCOUNT.equals(threshold.getSource())) {
			if (threshold.getAgreedOn() != null) {
				source.put("agreedOn", threshold.getAgreedOn().toString());
			}
			if (threshold.getNote() != null) {
				source.put("note", threshold.getNote());
			}
		}
		else {
			source.put("segment", segment);
		}
		return source;
	}

}
