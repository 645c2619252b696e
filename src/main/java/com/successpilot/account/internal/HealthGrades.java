package com.successpilot.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.system.InputProblem;

/**
 * The health grades a filter may ask for: the shipped grade bands (A–D, in
 * rules/health/health-weights.drl.csv) and any other grade the scores hold (a rule author
 * may add bands). Anything else is a 400 listing them, rather than an empty list that
 * looks like "no such accounts". The grades the scores hold are read at most every ten
 * minutes, and only when a grade outside A–D is asked for.
 */
@Component
class HealthGrades {

	private static final Set<String> SHIPPED = Set.of("A", "B", "C", "D");

	private static final Duration REREAD_AFTER = Duration.ofMinutes(10);

	private final AtomicReference<Known> known = new AtomicReference<>();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	HealthGrades(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @throws InputProblem when no score has, or could have, this grade
	 */
	String check(String grade) {
		if (grade == null || grade.isBlank()) {
			return null;
		}
		String upper = grade.strip().toUpperCase(Locale.ROOT);
		if (SHIPPED.contains(upper)) {
			return upper;
		}
		Set<String> grades = grades();
		if (!grades.contains(upper)) {
			throw new InputProblem("problem.not-one-of", "grade", grade, String.join(", ", grades));
		}
		return upper;
	}

	private Set<String> grades() {
		Instant now = this.clock.instant();
		Known current = this.known.get();
		if (current == null || current.until().isBefore(now)) {
			Set<String> grades = new TreeSet<>(SHIPPED);
			this.jdbc.queryForList("SELECT DISTINCT grade FROM health_scores", String.class)
				.forEach((stored) -> grades.add(stored.toUpperCase(Locale.ROOT)));
			current = new Known(Set.copyOf(new TreeSet<>(grades)), now.plus(REREAD_AFTER));
			this.known.set(current);
		}
		return new TreeSet<>(current.grades());
	}

	private record Known(Set<String> grades, Instant until) {

	}

}
