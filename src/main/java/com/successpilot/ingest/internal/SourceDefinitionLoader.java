package com.successpilot.ingest.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import com.successpilot.ingest.FeedSource;
import com.successpilot.ingest.FeedSource.OnFailure;
import com.successpilot.ingest.SourceDataSource;
import com.successpilot.system.NearestName;

/**
 * Reads the SQL source parts of a job definition for {@link ImportDefinitionLoader}: the
 * named {@code import.data-sources} and a feed's {@code source:} block, each problem with
 * its line, an unknown key with the nearest real one — and a password written into the
 * file refused outright.
 */
final class SourceDefinitionLoader {

	static final List<String> DATA_SOURCE_KEYS = List.of("url", "user", "password-env", "password-file", "drivers");

	static final List<String> SOURCE_KEYS = List.of("data-source", "query", "watermark", "initial-watermark",
			"fetch-size", "on-failure");

	static final List<String> ON_FAILURE = List.of("stop", "skip");

	static final String DEFAULT_DRIVERS = "drivers";

	static final LocalDateTime DEFAULT_INITIAL_WATERMARK = LocalDate.of(1970, 1, 1).atStartOfDay();

	private SourceDefinitionLoader() {
	}

	static Map<String, SourceDataSource> dataSources(Node node, Path jobFile,
			ImportDefinitionLoader.Problems problems) {
		Map<String, SourceDataSource> dataSources = new LinkedHashMap<>();
		if (node == null) {
			return dataSources;
		}
		if (!(node instanceof MappingNode mapping)) {
			problems.add(node, "import.data-sources must map names to data sources, e.g. analytics: {url: …, user: …}");
			return dataSources;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String name = ImportDefinitionLoader.scalar(tuple.getKeyNode());
			String where = "data source '" + Excerpt.of(name) + "'";
			if (name == null || !name.matches("[a-z][a-z0-9-]*") || name.length() > 40) {
				problems.add(tuple.getKeyNode(),
						where + ": a data source's name must be lower-case letters, digits and '-' (at most 40)");
				continue;
			}
			if (!(tuple.getValueNode() instanceof MappingNode settings)) {
				problems.add(tuple.getValueNode(), where + " must be a mapping with url and user");
				continue;
			}
			SourceDataSource dataSource = dataSource(name, settings, where, problems);
			if (dataSource != null) {
				dataSources.put(name, dataSource);
			}
		}
		return dataSources;
	}

	private static SourceDataSource dataSource(String name, MappingNode settings, String where,
			ImportDefinitionLoader.Problems problems) {
		int before = problems.size();
		for (NodeTuple tuple : settings.getValue()) {
			if ("password".equals(ImportDefinitionLoader.scalar(tuple.getKeyNode()))) {
				problems.add(tuple.getKeyNode(), where + ": a password never goes into batch-jobs/ — name the "
						+ "environment variable holding it (password-env:) or a secrets file (password-file:)");
			}
		}
		List<NodeTuple> others = settings.getValue()
			.stream()
			.filter((tuple) -> !"password".equals(ImportDefinitionLoader.scalar(tuple.getKeyNode())))
			.toList();
		Map<String, NodeTuple> raw = ImportDefinitionLoader.keys(
				new MappingNode(settings.getTag(), others, settings.getFlowStyle()), DATA_SOURCE_KEYS, where + ": ",
				problems);
		String url = ImportDefinitionLoader.text(raw, "url", null);
		if (url == null || !url.startsWith("jdbc:")) {
			problems.add(nodeOr(raw, "url", settings),
					where + ": url must be a JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/analytics");
		}
		else if (url.toLowerCase(Locale.ROOT).matches(".*[?&;:]password=.*")) {
			problems.add(nodeOr(raw, "url", settings), where + ": the url holds a password; a password never goes "
					+ "into batch-jobs/ — use password-env: or password-file:");
		}
		String passwordEnv = ImportDefinitionLoader.text(raw, "password-env", null);
		String passwordFile = ImportDefinitionLoader.text(raw, "password-file", null);
		if (passwordEnv != null && passwordFile != null) {
			problems.add(raw.get("password-file").getKeyNode(),
					where + ": give password-env or password-file, not both");
		}
		if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			problems.add(ImportDefinitionLoader.value(raw, "password-env"),
					where + ": password-env names an environment variable (letters, digits, _), not '"
							+ Excerpt.of(passwordEnv) + "'");
		}
		if (problems.size() > before) {
			return null;
		}
		return new SourceDataSource(name, url, ImportDefinitionLoader.text(raw, "user", null), passwordEnv,
				(passwordFile != null) ? Path.of(passwordFile) : null,
				Path.of(ImportDefinitionLoader.text(raw, "drivers", DEFAULT_DRIVERS)));
	}

	static FeedSource source(Node node, String where, Map<String, SourceDataSource> dataSources,
			ImportDefinitionLoader.Problems problems) {
		if (!(node instanceof MappingNode settings)) {
			problems.add(node, where + ": source must be a mapping with data-source and query");
			return null;
		}
		int before = problems.size();
		Map<String, NodeTuple> raw = ImportDefinitionLoader.keys(settings, SOURCE_KEYS, where + ": source.", problems);
		String name = ImportDefinitionLoader.text(raw, "data-source", null);
		SourceDataSource dataSource = (name != null) ? dataSources.get(name) : null;
		if (dataSource == null) {
			List<String> known = List.copyOf(dataSources.keySet());
			problems.add(nodeOr(raw, "data-source", settings),
					where + ": source.data-source "
							+ ((name == null) ? "is missing" : "'" + Excerpt.of(name) + "' is not declared")
							+ (known.isEmpty() ? "; declare it under import.data-sources" : "; the data sources are "
									+ known + ((name != null) ? NearestName.suggestion(name, known) : "")));
		}
		String query = ImportDefinitionLoader.text(raw, "query", null);
		String watermark = ImportDefinitionLoader.text(raw, "watermark", null);
		checkQuery(query, watermark, where, nodeOr(raw, "query", settings), problems);
		LocalDateTime initial = initialWatermark(raw, where, problems);
		double fetchSize = ImportDefinitionLoader.number(raw, "fetch-size", 1000, where + ": source.", problems);
		if (fetchSize < 1 || fetchSize > 100_000) {
			problems.add(ImportDefinitionLoader.value(raw, "fetch-size"),
					where + ": source.fetch-size must be between 1 and 100000");
		}
		OnFailure onFailure = onFailure(raw, where, problems);
		if (problems.size() > before) {
			return null;
		}
		return new FeedSource(dataSource, query.strip(), watermark, initial, (int) fetchSize, onFailure);
	}

	private static void checkQuery(String query, String watermark, String where, Node node,
			ImportDefinitionLoader.Problems problems) {
		if (query == null || query.isBlank()) {
			problems.add(node, where + ": source.query is missing: the SELECT that returns the feed's rows");
			return;
		}
		String start = query.strip().toLowerCase(Locale.ROOT);
		if (!start.startsWith("select") && !start.startsWith("with")) {
			problems.add(node, where + ": source.query must be a SELECT (or WITH … SELECT), not '"
					+ Excerpt.of(query.strip().split("\\s+")[0]) + " …'");
			return;
		}
		List<String> parameters;
		try {
			parameters = SourceQuery.parameters(query);
		}
		catch (InvalidDataAccessApiUsageException ex) {
			problems.add(node, where + ": source.query cannot be read: " + ex.getMessage());
			return;
		}
		for (String parameter : parameters) {
			if (!SourceQuery.PARAMETERS.contains(parameter)) {
				problems.add(node,
						where + ": source.query uses the parameter :" + Excerpt.of(parameter)
								+ ", which is not one of :since, :until, :businessDate"
								+ NearestName.suggestion(parameter, SourceQuery.PARAMETERS));
			}
		}
		if (watermark != null && !parameters.contains(SourceQuery.SINCE)) {
			problems.add(node,
					where + ": source.watermark is '" + Excerpt.of(watermark)
							+ "' but the query never uses :since, so every night would pull everything; add e.g. WHERE "
							+ Excerpt.of(watermark) + " > :since");
		}
		if (watermark == null && parameters.contains(SourceQuery.SINCE)) {
			problems.add(node, where + ": source.query uses :since but the source names no watermark column "
					+ "(source.watermark: updated_at) to advance it");
		}
	}

	private static LocalDateTime initialWatermark(Map<String, NodeTuple> raw, String where,
			ImportDefinitionLoader.Problems problems) {
		String value = ImportDefinitionLoader.text(raw, "initial-watermark", null);
		if (value == null) {
			return DEFAULT_INITIAL_WATERMARK;
		}
		try {
			String iso = value.strip().replace(' ', 'T');
			return (iso.length() <= 10) ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
		}
		catch (DateTimeParseException ex) {
			problems.add(ImportDefinitionLoader.value(raw, "initial-watermark"), where
					+ ": source.initial-watermark must be a date (2026-01-01) or date-time (2026-01-01 06:00), not '"
					+ Excerpt.of(value) + "'");
			return DEFAULT_INITIAL_WATERMARK;
		}
	}

	private static OnFailure onFailure(Map<String, NodeTuple> raw, String where,
			ImportDefinitionLoader.Problems problems) {
		String value = ImportDefinitionLoader.text(raw, "on-failure", "stop");
		String word = value.strip().toLowerCase(Locale.ROOT);
		if (!ON_FAILURE.contains(word)) {
			problems.add(ImportDefinitionLoader.value(raw, "on-failure"), where + ": source.on-failure must be one of "
					+ ON_FAILURE + ", not '" + Excerpt.of(value) + "'" + NearestName.suggestion(word, ON_FAILURE));
			return OnFailure.STOP;
		}
		return OnFailure.valueOf(word.toUpperCase(Locale.ROOT));
	}

	private static Node nodeOr(Map<String, NodeTuple> raw, String key, Node fallback) {
		Node node = ImportDefinitionLoader.value(raw, key);
		return (node != null) ? node : fallback;
	}

}
