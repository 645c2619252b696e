package com.successpilot.ingest.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedDefinition.Handling;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * Checks one row against its feed target and turns it into column values, or into a
 * rejection listing every problem found in the row (so an operator fixes a row once).
 * Threshold rows must name a threshold of the rule set's catalogue, with a value in its
 * range. A row whose operation is {@code remove} names only its key. Rows that are
 * well-formed but doubtful — dated after the business date, a contract still active after
 * its end — are rejected or warned about as the feed's definition says.
 */
final class FeedRowValidator implements ItemProcessor<FeedRecord, FeedOutcome>, StepExecutionListener {

	private final FeedTarget target;

	private final References references;

	private final FeedDefinition feed;

	private final Supplier<ThresholdCatalogue> catalogues;

	private LocalDate businessDate;

	private ThresholdCatalogue catalogue = ThresholdCatalogue.absent();

	/**
	 * @param catalogues the threshold catalogue of the rule set in force, asked once per
	 * step
	 */
	FeedRowValidator(FeedTarget target, References references, FeedDefinition feed,
			Supplier<ThresholdCatalogue> catalogues) {
		this.target = target;
		this.references = references;
		this.feed = feed;
		this.catalogues = catalogues;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		forNight(FeedImportSteps.businessDate(stepExecution.getJobParameters()));
	}

	/**
	 * Readies the checks for a night outside a step ({@code sources test} checks sample
	 * rows this way).
	 */
	void forNight(LocalDate businessDate) {
		this.businessDate = businessDate;
		if (this.target.namesDeclaredThresholds()) {
			this.catalogue = this.catalogues.get();
		}
	}

	@Override
	public FeedOutcome process(FeedRecord record) {
		if (record.malformed() != null) {
			return FeedOutcome.rejected(record, record.malformed());
		}
		if (record.isDuplicate()) {
			return FeedOutcome.duplicate(record);
		}
		List<String> problems = new ArrayList<>();
		Map<String, Object> columns = new HashMap<>();
		boolean removing = removes(record);
		for (FieldSpec field : this.target.fields()) {
			if (removing && !this.target.keyColumns().contains(field.column())) {
				// a removal names its key; the rest of the row is not read
				continue;
			}
			String value = record.values().getOrDefault(field.field(), "");
			int control = controlCharacter(value);
			if (control >= 0) {
				problems.add(field.field() + " contains the control character U+" + String.format("%04X", control)
						+ " (at character " + (value.indexOf(control) + 1) + ")");
				continue;
			}
			try {
				columns.put(field.column(), field.parse(value, this.references));
			}
			catch (RowRejectedException ex) {
				problems.add(ex.getMessage());
			}
		}
		if (removing) {
			return problems.isEmpty() ? FeedOutcome.removal(record, columns)
					: FeedOutcome.rejected(record, String.join("; ", problems));
		}
		if (problems.isEmpty() && this.target.namesDeclaredThresholds()) {
			this.catalogue.problem((String) columns.get("name"), number(columns.get("threshold_value")))
				.ifPresent(problems::add);
		}
		List<String> warnings = new ArrayList<>();
		if (problems.isEmpty()) {
			try {
				this.target.checkOrder(columns);
			}
			catch (RowRejectedException ex) {
				problems.add(ex.getMessage());
			}
			doubts(columns, problems, warnings);
		}
		Map<String, java.math.BigDecimal> metrics = new LinkedHashMap<>();
		record.metrics().forEach((metric, value) -> {
			if (!value.isEmpty()) {
				try {
					metrics.put(metric, FieldType.decimal("metric " + metric, value));
				}
				catch (RowRejectedException ex) {
					problems.add(ex.getMessage());
				}
			}
		});
		if (!problems.isEmpty()) {
			return FeedOutcome.rejected(record, String.join("; ", problems));
		}
		return FeedOutcome.accepted(record, columns, metrics, warnings.isEmpty() ? null : String.join("; ", warnings));
	}

	private boolean removes(FeedRecord record) {
		String operation = this.target.operationField();
		return operation != null
				&& FeedTargets.REMOVE.equalsIgnoreCase(record.values().getOrDefault(operation, "").strip());
	}

	private static Double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	private void doubts(Map<String, Object> columns, List<String> problems, List<String> warnings) {
		String dated = this.target.eventDateColumn();
		if (dated != null && this.businessDate != null) {
			LocalDate day = day(columns.get(dated));
			if (day != null && day.isAfter(this.businessDate)) {
				doubt(this.feed.futureDates(),
						this.target.fieldOf(dated) + " " + day + " is after the business date " + this.businessDate,
						problems, warnings);
			}
		}
		if ("contract".equals(this.target.name()) && this.businessDate != null && "active".equals(columns.get("status"))
				&& columns.get("end_date") instanceof LocalDate end && end.isBefore(this.businessDate)) {
			doubt(this.feed.endedButActive(), "status is active but endDate " + end + " is before the business date "
					+ this.businessDate + " (the contract has ended)", problems, warnings);
		}
	}

	private static void doubt(Handling handling, String reason, List<String> problems, List<String> warnings) {
		switch (handling) {
			case REJECT -> problems.add(reason);
			case WARN -> warnings.add(reason);
			case ACCEPT -> {
			}
		}
	}

	/**
	 * The first character no feed value should hold (NUL, escape sequences, bells), or
	 * -1; tabs and line breaks inside quoted text are text.
	 */
	private static int controlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return c;
			}
		}
		return -1;
	}

	private static LocalDate day(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		return (value instanceof LocalDateTime dateTime) ? dateTime.toLocalDate() : null;
	}

}
