package com.successpilot.judgement.internal;

import java.util.Map;

import com.successpilot.rules.PlaybookResponse;

/**
 * A task's why in two forms: a sentence a CSM reads, and the facts and thresholds as JSON
 * for the web app and the mail templates.
 */
final class Evidence {

	private Evidence() {
	}

	static String why(PlaybookResponse response) {
		StringBuilder why = new StringBuilder(response.reason());
		if (!response.facts().isEmpty()) {
			why.append(" Facts: ");
			appendAll(why, response.facts());
			why.append('.');
		}
		if (!response.thresholds().isEmpty()) {
			why.append(" Thresholds: ");
			appendAll(why, response.thresholds());
			why.append('.');
		}
		why.append(" (rule \"").append(response.rule()).append("\")");
		return why.toString();
	}

	static String json(PlaybookResponse response) {
		StringBuilder json = new StringBuilder("{\"rule\":");
		string(json, response.rule());
		json.append(",\"facts\":");
		object(json, response.facts());
		json.append(",\"thresholds\":");
		object(json, response.thresholds());
		return json.append('}').toString();
	}

	private static void appendAll(StringBuilder text, Map<String, ?> values) {
		boolean first = true;
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			if (!first) {
				text.append(", ");
			}
			text.append(entry.getKey()).append(" = ").append(entry.getValue());
			first = false;
		}
	}

	private static void object(StringBuilder json, Map<String, ?> values) {
		json.append('{');
		boolean first = true;
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			if (!first) {
				json.append(',');
			}
			string(json, entry.getKey());
			json.append(':');
			Object value = entry.getValue();
			if (value == null || value instanceof Number || value instanceof Boolean) {
				json.append(value);
			}
			else {
				string(json, value.toString());
			}
			first = false;
		}
		json.append('}');
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
