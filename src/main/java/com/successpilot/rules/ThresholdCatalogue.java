package com.successpilot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.successpilot.rules.facts.Threshold;
import com.successpilot.system.NearestName;

/**
 * The thresholds CS ops have declared in {@code rules/thresholds.yml}: each one's name,
 * unit, allowed range, description and default per segment. Rules may only ask for a
 * declared threshold, the thresholds feeds may only bring declared names with values in
 * range, and a segment the feed gives no value for is judged with the catalogue's
 * default. A rule set without the file has an {@link #absent() absent} catalogue, which
 * checks nothing (sets written before the catalogue existed keep working).
 */
public final class ThresholdCatalogue {

	/** The catalogue's file, relative to the rules directory. */
	public static final String FILE = "thresholds.yml";

	private static final ThresholdCatalogue ABSENT = new ThresholdCatalogue(List.of(), false);

	private final Map<String, Declared> byName = new TreeMap<>();

	private final boolean present;

	public ThresholdCatalogue(List<Declared> thresholds, boolean present) {
		thresholds.forEach((threshold) -> this.byName.put(threshold.name(), threshold));
		this.present = present;
	}

	/**
	 * The catalogue of a set without {@code thresholds.yml}: nothing declared, nothing
	 * checked.
	 */
	public static ThresholdCatalogue absent() {
		return ABSENT;
	}

	/**
	 * Whether the set has a {@code thresholds.yml}; without one no name is checked.
	 */
	public boolean isPresent() {
		return this.present;
	}

	public List<Declared> thresholds() {
		return List.copyOf(this.byName.values());
	}

	public Set<String> names() {
		return this.byName.keySet();
	}

	public Optional<Declared> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/**
	 * Why a threshold of this name and value cannot be used, or empty when it can (or
	 * when there is no catalogue): {@code unknown threshold 'x' — did you mean 'y'?} or
	 * {@code seat_utilisation_min_pct 140 is outside its range 0–100 (%)}.
	 * @param value the value, or {@code null} to check the name alone
	 */
	public Optional<String> problem(String name, Double value) {
		if (!this.present) {
			return Optional.empty();
		}
		Declared declared = this.byName.get(name);
		if (declared == null) {
			return Optional.of(unknown(name));
		}
		return (value != null) ? declared.outOfRange(value) : Optional.empty();
	}

	/**
	 * {@code threshold 'x' is not declared in rules/thresholds.yml — did you mean 'y'?}
	 */
	public String unknown(String name) {
		return "threshold '" + name + "' is not declared in rules/" + FILE
				+ NearestName.suggestion(name, this.byName.keySet());
	}

	/**
	 * The thresholds an account is judged against: the ones given (the account's agreed
	 * values and its segment's values from the feed), completed with the catalogue's
	 * default for the account's segment for every declared name not given.
	 */
	public List<Threshold> completed(String accountId, String segment, List<Threshold> given) {
		if (!this.present) {
			return given;
		}
		List<Threshold> all = new ArrayList<>(given);
		for (Declared declared : this.byName.values()) {
			if (given.stream().noneMatch((threshold) -> threshold.getName().equals(declared.name()))) {
				declared.defaultFor(segment)
					.ifPresent((value) -> all.add(new Threshold(accountId, declared.name(), value, Threshold.SEGMENT)));
			}
		}
		return all;
	}

	/**
	 * One declared threshold.
	 *
	 * @param name e.g. {@code seat_utilisation_min_pct}
	 * @param unit what the value counts, in words ({@code %}, {@code days},
	 * {@code tickets})
	 * @param min the lowest value allowed
	 * @param max the highest value allowed
	 * @param description what it means, in English
	 * @param descriptionJa what it means, in Japanese
	 * @param segments the default per segment
	 * @param line the line of {@code thresholds.yml} declaring it
	 */
	public record Declared(String name, String unit, double min, double max, String description, String descriptionJa,
			Map<String, Double> segments, int line) {

		public Declared {
			segments = Map.copyOf(segments);
		}

		public Optional<Double> defaultFor(String segment) {
			return Optional.ofNullable((segment != null) ? this.segments.get(segment) : null);
		}

		/**
		 * Why the value is not allowed, or empty when it is.
		 */
		public Optional<String> outOfRange(double value) {
			if (value >= this.min && value <= this.max) {
				return Optional.empty();
			}
			return Optional.of(this.name + " " + shown(value) + " is outside its allowed range " + shown(this.min) + "–"
					+ shown(this.max) + " (" + this.unit + ")");
		}

		private static String shown(double number) {
			return (number == Math.rint(number)) ? String.valueOf((long) number) : String.valueOf(number);
		}

	}

}
