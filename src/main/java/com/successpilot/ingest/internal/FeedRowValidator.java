package com.successpilot.ingest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks one row against its feed target and turns it into column values, or into a
 * rejection listing every problem found in the row (so an operator fixes a row once).
 */
final class FeedRowValidator implements ItemProcessor<FeedRecord, FeedOutcome> {

	private final FeedTarget target;

	private final References references;

	FeedRowValidator(FeedTarget target, References references) {
		this.target = target;
		this.references = references;
	}

	@Override
	public FeedOutcome process(FeedRecord record) {
		if (record.malformed() != null) {
			return FeedOutcome.rejected(record, record.malformed());
		}
		List<String> problems = new ArrayList<>();
		Map<String, Object> columns = new HashMap<>();
		for (FieldSpec field : this.target.fields()) {
			String value = record.values().getOrDefault(field.field(), "");
			try {
				columns.put(field.column(), field.parse(value, this.references));
			}
			catch (RowRejectedException ex) {
				problems.add(ex.getMessage());
			}
		}
		if (problems.isEmpty()) {
			try {
				this.target.checkOrder(columns);
			}
			catch (RowRejectedException ex) {
				problems.add(ex.getMessage());
			}
		}
		Map<String, BigDecimal> metrics = new LinkedHashMap<>();
		record.metrics().forEach((metric, value) -> {
			if (!value.isEmpty()) {
				try {
					metrics.put(metric, new BigDecimal(value));
				}
				catch (NumberFormatException ex) {
					problems.add("metric " + metric + " '" + value + "' is not a number");
				}
			}
		});
		if (!problems.isEmpty()) {
			return FeedOutcome.rejected(record, String.join("; ", problems));
		}
		return FeedOutcome.accepted(record, columns, metrics);
	}

}
