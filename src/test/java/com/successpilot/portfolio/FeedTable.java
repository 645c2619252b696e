package com.successpilot.portfolio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A feed file read back with a small, strict RFC-4180 reader (quoted fields may hold
 * commas, doubled quotes and line breaks), independent of the generator's writer.
 */
record FeedTable(List<String> header, List<Map<String, String>> rows) {

	static FeedTable read(Path inbox, String feed, LocalDate businessDate) throws IOException {
		Path file = inbox.resolve(feed).resolve(feed + "-" + businessDate + ".csv");
		List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			if (record.size() != header.size()) {
				throw new IllegalStateException(feed + ": " + record.size() + " fields in " + record);
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return new FeedTable(header, rows);
	}

	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (quoted) {
				if (c != '"') {
					field.append(c);
				}
				else if (i < text.length() && text.charAt(i) == '"') {
					field.append('"');
					i++;
				}
				else {
					quoted = false;
				}
			}
			else if (c == '"') {
				if (field.length() > 0) {
					throw new IllegalStateException("Quote inside an unquoted field at " + i);
				}
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (quoted || field.length() > 0 || !record.isEmpty()) {
			throw new IllegalStateException("The file does not end with a line break after a complete record");
		}
		return records;
	}

	List<String> column(String name) {
		return this.rows.stream().map((row) -> row.get(name)).toList();
	}

	/**
	 * The rows of each account, by account id.
	 */
	Map<String, List<Map<String, String>>> byAccount() {
		Map<String, List<Map<String, String>>> byAccount = new TreeMap<>();
		for (Map<String, String> row : this.rows) {
			byAccount.computeIfAbsent(row.get("account_id"), (id) -> new ArrayList<>()).add(row);
		}
		return byAccount;
	}

}
