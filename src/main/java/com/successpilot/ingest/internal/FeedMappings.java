package com.successpilot.ingest.internal;

import java.util.ArrayList;
import java.util.List;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedMapping;
import com.successpilot.ingest.FeedMapping.MappedColumn;
import com.successpilot.ingest.FeedMapping.Reading;

/**
 * Builds {@link FeedMapping}s from a feed's definition and its target's fields.
 */
public final class FeedMappings {

	/** Where the named metrics of a feed go. */
	static final String METRICS_TABLE = "usage_metrics";

	private FeedMappings() {
	}

	public static FeedMapping of(FeedDefinition feed) {
		FeedTarget target = FeedTargets.find(feed.target());
		if (target == null) {
			throw new IllegalArgumentException(
					"Feed " + feed.name() + " has the target '" + feed.target() + "', which the import does not know");
		}
		List<MappedColumn> columns = new ArrayList<>();
		feed.columns().forEach((field, header) -> {
			if (field.equals(target.operationField())) {
				// says what to do with a row, fills no column (a bulk load only adds
				// rows)
				return;
			}
			FieldSpec spec = target.fields()
				.stream()
				.filter((candidate) -> candidate.field().equals(field))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"Feed " + feed.name() + " maps the field '" + field + "', which " + feed.target() + " lacks"));
			columns.add(new MappedColumn(header, spec.column(), Reading.valueOf(spec.type().name()), spec.maxLength(),
					spec.defaultValue()));
		});
		return new FeedMapping(feed.name(), target.table(), target.keyColumns(), List.copyOf(columns),
				target.acceptsMetrics() ? feed.metrics() : List.of(), target.acceptsMetrics() ? METRICS_TABLE : null);
	}

}
