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
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedDefinition.Handling;
import com.successpilot.ingest.FeedSource;
import com.successpilot.ingest.SourceDataSource;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.system.NearestName;

/**
 * Reads the {@code import:} section of a job definition file and checks it against the
 * known feed targets, so a typo in {@code batch-jobs/} is reported before any file is
 * touched. Every problem of the file is collected, each with its line, and reported
 * together: an operator fixes the file once.
 */
public final class ImportDefinitionLoader {

	/** The keys a job definition may have at its top (other modules read the others). */
	static final List<String> FILE_KEYS = List.of("job", "description", "schedule", "import", "renewal-window-days");

	static final List<String> IMPORT_KEYS = List.of("inbox", "archive", "max-rejected-ratio", "chunk-size",
			"data-sources", "feeds");

	static final List<String> FEED_KEYS = List.of("name", "target", "files", "encoding", "delimiter", "columns",
			"metrics", "required", "future-dates", "ended-but-active", "source");

	/** Keys only a feed reading files has. */
	static final List<String> FILE_FEED_KEYS = List.of("files", "encoding", "delimiter");

	private static final List<String> HANDLINGS = List.of("reject", "warn", "accept");

	private ImportDefinitionLoader() {
	}

	/**
	 * @throws InvalidJobDefinitionException listing every problem of the file, each with
	 * its line
	 */
	public static ImportDefinition load(Path jobFile) {
		Problems problems = new Problems(jobFile);
		MappingNode root = readYaml(jobFile, problems);
		Map<String, NodeTuple> top = keys(root, FILE_KEYS, "", problems);
		Node importNode = value(top, "import");
		if (!(importNode instanceof MappingNode importSection)) {
			problems.add(root, "import must be a mapping with inbox, archive and feeds");
			throw problems.failure();
		}
		Map<String, NodeTuple> section = keys(importSection, IMPORT_KEYS, "import.", problems);
		Path inbox = Path.of(text(section, "inbox", "var/inbox"));
		Path archive = Path.of(text(section, "archive", "var/archive"));
		double ratio = number(section, "max-rejected-ratio", 0.05, "import.", problems);
		if (ratio < 0 || ratio > 1) {
			problems.add(value(section, "max-rejected-ratio"),
					"import.max-rejected-ratio must be between 0.0 and 1.0, not " + ratio);
		}
		int chunkSize = (int) number(section, "chunk-size", 2000, "import.", problems);
		if (chunkSize < 1) {
			problems.add(value(section, "chunk-size"), "import.chunk-size must be at least 1");
		}
		Map<String, SourceDataSource> dataSources = SourceDefinitionLoader.dataSources(value(section, "data-sources"),
				jobFile, problems);
		List<FeedDefinition> feeds = new ArrayList<>();
		Node feedList = value(section, "feeds");
		if (!(feedList instanceof SequenceNode rawFeeds) || rawFeeds.getValue().isEmpty()) {
			problems.add((feedList != null) ? feedList : importSection, "import.feeds must list at least one feed");
		}
		else {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < rawFeeds.getValue().size(); i++) {
				Node raw = rawFeeds.getValue().get(i);
				if (!(raw instanceof MappingNode feed)) {
					problems.add(raw, "import.feeds[" + i + "] must be a mapping with name, target and columns");
					continue;
				}
				FeedDefinition definition = feed(feed, i, dataSources, problems);
				if (definition != null && names.contains(definition.name())) {
					problems.add(feed, "feed '" + definition.name() + "' is listed twice");
				}
				else if (definition != null) {
					names.add(definition.name());
					feeds.add(definition);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw problems.failure();
		}
		return new ImportDefinition(jobFile, inbox, archive, ratio, chunkSize, List.copyOf(feeds));
	}

	private static FeedDefinition feed(MappingNode node, int index, Map<String, SourceDataSource> dataSources,
			Problems problems) {
		int before = problems.size();
		String name = text(keys(node, List.of(), "", null), "name", null);
		String where = (name != null) ? "feed '" + name + "'" : "import.feeds[" + index + "]";
		Map<String, NodeTuple> raw = keys(node, FEED_KEYS, where + ": ", problems);
		if (name == null || !name.matches("[a-z][a-z0-9-]*") || name.length() > 40) {
			problems.add((value(raw, "name") != null) ? value(raw, "name") : node,
					where + ": name must be lower-case letters, digits and '-' (at most 40), not " + Excerpt.of(name));
		}
		String target = text(raw, "target", null);
		FeedTarget feedTarget = FeedTargets.find(target);
		if (feedTarget == null) {
			problems.add((value(raw, "target") != null) ? value(raw, "target") : node,
					where + " has target '" + Excerpt.of(target) + "'; known targets: " + FeedTargets.names()
							+ ((target != null) ? NearestName.suggestion(target, FeedTargets.names()) : ""));
		}
		Map<String, String> columns = columns(raw, where, feedTarget, problems, node);
		List<String> metrics = new ArrayList<>();
		if (value(raw, "metrics") instanceof SequenceNode list) {
			list.getValue().forEach((metric) -> metrics.add(scalar(metric)));
		}
		else if (value(raw, "metrics") != null) {
			problems.add(value(raw, "metrics"), where + ": metrics must be a list, e.g. [reports_created]");
		}
		if (!metrics.isEmpty() && feedTarget != null && !feedTarget.acceptsMetrics()) {
			problems.add(value(raw, "metrics"),
					where + " lists metrics, but only daily-usage feeds carry named metrics");
		}
		String delimiter = text(raw, "delimiter", ",");
		if (delimiter.length() != 1) {
			problems.add(value(raw, "delimiter"), where + ": delimiter must be a single character");
		}
		Charset encoding = charset(text(raw, "encoding", "UTF-8"), where, value(raw, "encoding"), problems);
		boolean required = bool(raw, "required", where, problems);
		Handling futureDates = handling(raw, "future-dates", Handling.REJECT, where, problems);
		if (value(raw, "future-dates") != null && feedTarget != null && feedTarget.eventDateColumn() == null) {
			problems.add(value(raw, "future-dates"), where + ": future-dates applies to daily-usage, "
					+ "support-ticket and nps-response feeds, not " + target);
		}
		Handling endedButActive = handling(raw, "ended-but-active", Handling.WARN, where, problems);
		if (value(raw, "ended-but-active") != null && !"contract".equals(target)) {
			problems.add(value(raw, "ended-but-active"), where + ": ended-but-active applies to contract feeds only");
		}
		FeedSource source = null;
		if (raw.containsKey("source")) {
			for (String key : FILE_FEED_KEYS) {
				if (raw.containsKey(key)) {
					problems.add(raw.get(key).getKeyNode(), where + ": " + key
							+ " applies to feeds reading files; this one has a source: and reads none");
				}
			}
			source = SourceDefinitionLoader.source(value(raw, "source"), where, dataSources, problems);
		}
		if (problems.size() > before) {
			return null;
		}
		return new FeedDefinition(name, target, text(raw, "files", "*.csv"), encoding, delimiter.charAt(0),
				Map.copyOf(columns), List.copyOf(metrics), required, futureDates, endedButActive, source);
	}

	private static Map<String, String> columns(Map<String, NodeTuple> raw, String where, FeedTarget target,
			Problems problems, Node feed) {
		Map<String, String> columns = new LinkedHashMap<>();
		if (!(value(raw, "columns") instanceof MappingNode mapping)) {
			problems.add((value(raw, "columns") != null) ? value(raw, "columns") : feed,
					where + ": columns must map fields to CSV headers (or a source's result columns), e.g. "
							+ "accountId: account_id");
			return columns;
		}
		for (NodeTuple column : mapping.getValue()) {
			String field = scalar(column.getKeyNode());
			if (target != null && !target.knows(field)) {
				problems.add(column.getKeyNode(),
						where + " maps unknown field '" + Excerpt.of(field) + "'; " + target.name() + " has fields "
								+ target.fieldNames() + NearestName.suggestion(field, target.fieldNames()));
				continue;
			}
			String header = scalar(column.getValueNode());
			if (header == null || header.isBlank()) {
				problems.add(column.getValueNode(), where + ": field " + field + " needs a CSV header");
				continue;
			}
			columns.put(field, header);
		}
		if (target != null) {
			for (String required : target.requiredFieldNames()) {
				if (!columns.containsKey(required) && mapping.getValue()
					.stream()
					.noneMatch((tuple) -> required.equals(scalar(tuple.getKeyNode())))) {
					problems.add(mapping, where + " must map the required field '" + required + "' to a column");
				}
			}
		}
		return columns;
	}

	static Charset charset(String name, String where, Node node, Problems problems) {
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
			problems.add(node, where + " has unknown encoding '" + Excerpt.of(name) + "' (use UTF-8 or Shift_JIS)");
			return StandardCharsets.UTF_8;
		}
	}

	private static MappingNode readYaml(Path jobFile, Problems problems) {
		if (!Files.isRegularFile(jobFile)) {
			throw new InvalidJobDefinitionException("Job definition " + jobFile + " does not exist");
		}
		try (Reader reader = Files.newBufferedReader(jobFile, StandardCharsets.UTF_8)) {
			Node loaded = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
			if (!(loaded instanceof MappingNode root)) {
				throw new InvalidJobDefinitionException(jobFile + ": must be a mapping of keys to values");
			}
			return root;
		}
		catch (YAMLException ex) {
			throw new InvalidJobDefinitionException(jobFile + " is not valid YAML: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new InvalidJobDefinitionException(jobFile + " cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * The keys of a mapping; one not in {@code known} is a problem with a did-you-mean
	 * (unless {@code problems} is {@code null}: a lookup only).
	 */
	static Map<String, NodeTuple> keys(MappingNode mapping, List<String> known, String where, Problems problems) {
		Map<String, NodeTuple> keys = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (problems != null && !known.contains(key)) {
				problems.add(tuple.getKeyNode(), where + Excerpt.of(key) + " is not a setting here"
						+ NearestName.suggestion(String.valueOf(key), known) + " (the settings are " + known + ")");
				continue;
			}
			keys.put(key, tuple);
		}
		return keys;
	}

	static Node value(Map<String, NodeTuple> keys, String key) {
		NodeTuple tuple = keys.get(key);
		return (tuple != null) ? tuple.getValueNode() : null;
	}

	static String scalar(Node node) {
		if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
			return scalar.getValue();
		}
		return null;
	}

	static String text(Map<String, NodeTuple> map, String key, String defaultValue) {
		String value = scalar(value(map, key));
		return (value != null) ? value : defaultValue;
	}

	static double number(Map<String, NodeTuple> map, String key, double defaultValue, String where, Problems problems) {
		Node node = value(map, key);
		String value = scalar(node);
		if (value == null) {
			return defaultValue;
		}
		if (Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag())) {
			try {
				return Double.parseDouble(value.replace("_", ""));
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		problems.add(node, where + key + " must be a number, not '" + Excerpt.of(value) + "'");
		return defaultValue;
	}

	private static boolean bool(Map<String, NodeTuple> map, String key, String where, Problems problems) {
		Node node = value(map, key);
		String value = scalar(node);
		if (value == null) {
			return false;
		}
		if (Tag.BOOL.equals(node.getTag())) {
			return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)) || value.equalsIgnoreCase("yes")
					|| value.equalsIgnoreCase("on");
		}
		problems.add(node, where + ": " + key + " must be true or false, not '" + Excerpt.of(value) + "'");
		return false;
	}

	private static Handling handling(Map<String, NodeTuple> map, String key, Handling defaultValue, String where,
			Problems problems) {
		Node node = value(map, key);
		String value = scalar(node);
		if (value == null) {
			return defaultValue;
		}
		String word = value.trim().toLowerCase(Locale.ROOT);
		if (!HANDLINGS.contains(word)) {
			problems.add(node, where + ": " + key + " must be one of " + HANDLINGS + ", not '" + Excerpt.of(value) + "'"
					+ NearestName.suggestion(word, HANDLINGS));
			return defaultValue;
		}
		return Handling.valueOf(word.toUpperCase(Locale.ROOT));
	}

	/**
	 * The problems found in one file, each with its line.
	 */
	static final class Problems {

		private final Path file;

		private final List<String> lines = new ArrayList<>();

		private final List<Integer> lineNumbers = new ArrayList<>();

		Problems(Path file) {
			this.file = file;
		}

		void add(Node node, String message) {
			int line = node.getStartMark().getLine() + 1;
			// in the order of the file, as an operator reads it
			int at = 0;
			while (at < this.lineNumbers.size() && this.lineNumbers.get(at) <= line) {
				at++;
			}
			this.lineNumbers.add(at, line);
			this.lines.add(at, this.file + ":" + line + ": " + message);
		}

		boolean isEmpty() {
			return this.lines.isEmpty();
		}

		int size() {
			return this.lines.size();
		}

		InvalidJobDefinitionException failure() {
			if (this.lines.size() == 1) {
				return new InvalidJobDefinitionException(this.lines.get(0));
			}
			return new InvalidJobDefinitionException(
					this.file + " has " + this.lines.size() + " problems:\n  " + String.join("\n  ", this.lines));
		}

	}

}
