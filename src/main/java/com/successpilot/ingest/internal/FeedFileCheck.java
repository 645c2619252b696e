package com.successpilot.ingest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads a feed file once through before any of its rows is imported: a file that is not
 * CSV to its end (a quote never closed, the wrong encoding) fails before anything of it
 * is written, so a file is never half imported; and rows sharing a natural key are found
 * while it is still open which of them to import.
 * <p>
 * Memory stays small for large files: the first pass keeps one 64-bit hash per row, and
 * only rows whose key hash repeats are read again to compare them.
 */
final class FeedFileCheck {

	/** How many other lines a conflict names before it says "and N more". */
	private static final int LINES_NAMED = 5;

	private final Map<Long, String> conflicts;

	private final Map<Long, Long> duplicates;

	private final long dataRows;

	private FeedFileCheck(long dataRows, Map<Long, String> conflicts, Map<Long, Long> duplicates) {
		this.dataRows = dataRows;
		this.conflicts = conflicts;
		this.duplicates = duplicates;
	}

	/**
	 * @param csv opens the file afresh, positioned after its header
	 * @param headerWidth the number of fields of the header
	 * @param keys the fields making up the natural key, with their header positions
	 * @param compared every mapped and metric column position, whose values decide
	 * whether two rows of one key are the same row
	 * @throws CsvRecordReader.CsvFormatException when the file is not CSV to its end
	 */
	static FeedFileCheck of(Supplier<CsvRecordReader> csv, int headerWidth, Map<FieldSpec, Integer> keys,
			int[] compared) throws IOException {
		long[] hashes = new long[1024];
		int count = 0;
		long dataRows = 0;
		try (CsvRecordReader reader = csv.get()) {
			for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
				if (record.isBlank()) {
					continue;
				}
				dataRows++;
				if (record.fields().size() != headerWidth) {
					continue;
				}
				if (count == hashes.length) {
					hashes = Arrays.copyOf(hashes, count * 2);
				}
				String key = key(record, keys);
				if (key != null) {
					hashes[count++] = hash(key);
				}
			}
		}
		Set<Long> repeated = repeated(hashes, count);
		if (repeated.isEmpty()) {
			return new FeedFileCheck(dataRows, Map.of(), Map.of());
		}
		Map<String, List<Occurrence>> byKey = new LinkedHashMap<>();
		try (CsvRecordReader reader = csv.get()) {
			for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
				if (record.isBlank() || record.fields().size() != headerWidth) {
					continue;
				}
				String key = key(record, keys);
				if (key != null && repeated.contains(hash(key))) {
					byKey.computeIfAbsent(key, (k) -> new ArrayList<>())
						.add(new Occurrence(record.lineNumber(), values(record, compared)));
				}
			}
		}
		Map<Long, String> conflicts = new HashMap<>();
		Map<Long, Long> duplicates = new HashMap<>();
		byKey.forEach((key, occurrences) -> judge(describe(key, keys), occurrences, conflicts, duplicates));
		return new FeedFileCheck(dataRows, conflicts, duplicates);
	}

	/**
	 * The rows of the file that are not blank.
	 */
	long dataRows() {
		return this.dataRows;
	}

	/**
	 * Why the row starting on this line is rejected for sharing its key with a different
	 * row, or {@code null}.
	 */
	String conflict(long line) {
		return this.conflicts.get(line);
	}

	/**
	 * The earlier line this one repeats exactly, or 0.
	 */
	long duplicateOf(long line) {
		return this.duplicates.getOrDefault(line, 0L);
	}

	private static void judge(String key, List<Occurrence> occurrences, Map<Long, String> conflicts,
			Map<Long, Long> duplicates) {
		if (occurrences.size() < 2) {
			return;
		}
		String first = occurrences.get(0).values();
		if (occurrences.stream().allMatch((occurrence) -> occurrence.values().equals(first))) {
			occurrences.subList(1, occurrences.size())
				.forEach((occurrence) -> duplicates.put(occurrence.line(), occurrences.get(0).line()));
			return;
		}
		// neither row may silently win: every row of the key is rejected, naming the
		// others
		for (Occurrence occurrence : occurrences) {
			List<Long> others = occurrences.stream()
				.map(Occurrence::line)
				.filter((line) -> line != occurrence.line())
				.toList();
			String named = others.stream().limit(LINES_NAMED).map(String::valueOf).collect(Collectors.joining(", "))
					+ ((others.size() > LINES_NAMED) ? " and " + (others.size() - LINES_NAMED) + " more" : "");
			conflicts.put(occurrence.line(), key + " is also on line" + ((others.size() > 1) ? "s " : " ") + named
					+ " with different values; the file must say once what is true");
		}
	}

	private static String describe(String key, Map<FieldSpec, Integer> keys) {
		String[] parts = key.split("\u0000", -1);
		List<String> named = new ArrayList<>();
		int i = 0;
		for (FieldSpec field : keys.keySet()) {
			named.add(field.field() + " '" + Excerpt.of(parts[i++]) + "'");
		}
		return "the key " + String.join(", ", named);
	}

	private static Set<Long> repeated(long[] hashes, int count) {
		long[] sorted = Arrays.copyOf(hashes, count);
		Arrays.sort(sorted);
		Set<Long> repeated = new HashSet<>();
		for (int i = 1; i < count; i++) {
			if (sorted[i] == sorted[i - 1]) {
				repeated.add(sorted[i]);
			}
		}
		return repeated;
	}

	/**
	 * The key as the import will store it: a date in either accepted form, an address in
	 * any case, are the same key; {@code null} when a part of it is empty.
	 */
	private static String key(CsvRecord record, Map<FieldSpec, Integer> keys) {
		StringBuilder key = new StringBuilder();
		for (Map.Entry<FieldSpec, Integer> field : keys.entrySet()) {
			if (!key.isEmpty()) {
				key.append('\u0000');
			}
			String value = record.fields().get(field.getValue()).strip();
			if (value.isEmpty()) {
				// rejected for its empty key field anyway
				return null;
			}
			key.append(normalise(field.getKey(), value));
		}
		return key.toString();
	}

	private static String normalise(FieldSpec field, String value) {
		if (field.type() == FieldType.DATE) {
			try {
				return FieldType.date(field.field(), value).toString();
			}
			catch (RowRejectedException ex) {
				return value;
			}
		}
		if (field.type() == FieldType.EMAIL || field.type() == FieldType.CSM) {
			return value.toLowerCase(Locale.ROOT);
		}
		return value;
	}

	private static String values(CsvRecord record, int[] compared) {
		StringBuilder values = new StringBuilder();
		for (int index : compared) {
			values.append(record.fields().get(index).strip()).append('\u0000');
		}
		return values.toString();
	}

	/** 64-bit FNV-1a: collisions only cost a second look at the rows concerned. */
	private static long hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	private record Occurrence(long line, String values) {

	}

}
