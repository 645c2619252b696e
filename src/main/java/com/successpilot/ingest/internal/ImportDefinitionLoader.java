package com.successpilot.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.ImportDefinition;

/**
 * Reads the {@code import:} section of a job definition file and checks it against the
 * known feed targets, so a typo in {@code batch-jobs/} is reported before any file is
 * touched.
 */
public final class ImportDefinitionLoader {

	private ImportDefinitionLoader() {
	}

	public static ImportDefinition load(Path jobFile) {
		Map<String, Object> root = readYaml(jobFile);
		Map<String, Object> section = map(root.get("import"), jobFile, "import");
		Path base = Path.of("");
		Path inbox = base.resolve(text(section, "inbox", "var/inbox"));
		Path archive = base.resolve(text(section, "archive", "var/archive"));
		double ratio = number(section, "max-rejected-ratio", 0.05, jobFile);
		if (ratio < 0 || ratio > 1) {
			throw invalid(jobFile, "import.max-rejected-ratio must be between 0.0 and 1.0, not " + ratio);
		}
		int chunkSize = (int) number(section, "chunk-size", 2000, jobFile);
		if (chunkSize < 1) {
			throw invalid(jobFile, "import.chunk-size must be at least 1");
		}
		Object feedList = section.get("feeds");
		if (!(feedList instanceof List<?> rawFeeds) || rawFeeds.isEmpty()) {
			throw invalid(jobFile, "import.feeds must list at least one feed");
		}
		List<FeedDefinition> feeds = new ArrayList<>();
		for (int i = 0; i < rawFeeds.size(); i++) {
			feeds.add(feed(map(rawFeeds.get(i), jobFile, "import.feeds[" + i + "]"), jobFile, i));
		}
		return new ImportDefinition(jobFile, inbox, archive, ratio, chunkSize, List.copyOf(feeds));
	}

	private static FeedDefinition feed(Map<String, Object> raw, Path jobFile, int index) {
		String where = "import.feeds[" + index + "]";
		String name = text(raw, "name", null);
		if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
			throw invalid(jobFile, where + ".name must be lower-case letters, digits and '-', not " + name);
		}
		where = "feed '" + name + "'";
		String target = text(raw, "target", null);
		FeedTarget feedTarget = FeedTargets.find(target);
		if (feedTarget == null) {
			throw invalid(jobFile, where + " has target '" + target + "'; known targets: " + FeedTargets.names());
		}
		Map<String, String> columns = new LinkedHashMap<>();
		map(raw.get("columns"), jobFile, where + ".columns").forEach((k, v) -> columns.put(k, String.valueOf(v)));
		for (String field : columns.keySet()) {
			if (!feedTarget.knows(field)) {
				throw invalid(jobFile, where + " maps unknown field '" + field + "'; " + target + " has fields "
						+ feedTarget.fieldNames());
			}
		}
		for (String required : feedTarget.requiredFieldNames()) {
			if (!columns.containsKey(required)) {
				throw invalid(jobFile, where + " must map the required field '" + required + "' to a column");
			}
		}
		List<String> metrics = new ArrayList<>();
		if (raw.get("metrics") instanceof List<?> list) {
			list.forEach((metric) -> metrics.add(String.valueOf(metric)));
		}
		if (!metrics.isEmpty() && !feedTarget.acceptsMetrics()) {
			throw invalid(jobFile, where + " lists metrics, but only daily-usage feeds carry named metrics");
		}
		String delimiter = text(raw, "delimiter", ",");
		if (delimiter.length() != 1) {
			throw invalid(jobFile, where + ".delimiter must be a single character");
		}
		return new FeedDefinition(name, target, text(raw, "files", "*.csv"),
				charset(text(raw, "encoding", "UTF-8"), jobFile, where), delimiter.charAt(0), Map.copyOf(columns),
				List.copyOf(metrics));
	}

	static Charset charset(String name, Path jobFile, String where) {
		String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		// Excel in Japan writes Windows-31J (MS932), a superset of Shift_JIS with ①, ～
		// etc.
		if (normalised.equals("SHIFT_JIS") || normalised.equals("SJIS") || normalised.equals("MS932")
				|| normalised.equals("CP932")) {
			return Charset.forName("windows-31j");
		}
		try {
			return Charset.forName(name.trim());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw invalid(jobFile, where + " has unknown encoding '" + name + "' (use UTF-8 or Shift_JIS)");
		}
	}

	private static Map<String, Object> readYaml(Path jobFile) {
		if (!Files.isRegularFile(jobFile)) {
			throw new InvalidJobDefinitionException("Job definition " + jobFile + " does not exist");
		}
		try (Reader reader = Files.newBufferedReader(jobFile, StandardCharsets.UTF_8)) {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			return map(loaded, jobFile, "the file");
		}
		catch (YAMLException ex) {
			throw invalid(jobFile, "is not valid YAML: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw invalid(jobFile, "cannot be read: " + ex.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, Path jobFile, String where) {
		if (!(value instanceof Map)) {
			throw invalid(jobFile, where + " must be a mapping of keys to values");
		}
		return (Map<String, Object>) value;
	}

	private static String text(Map<String, Object> map, String key, String defaultValue) {
		Object value = map.get(key);
		return (value != null) ? String.valueOf(value) : defaultValue;
	}

	private static double number(Map<String, Object> map, String key, double defaultValue, Path jobFile) {
		Object value = map.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		throw invalid(jobFile, "import." + key + " must be a number, not '" + value + "'");
	}

	private static InvalidJobDefinitionException invalid(Path jobFile, String message) {
		return new InvalidJobDefinitionException(jobFile + ": " + message);
	}

}
