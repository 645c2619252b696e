package com.successpilot.account.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.successpilot.security.SignedInUser;
import com.successpilot.system.InputProblem;

/**
 * What the portfolio page (and its CSV) asks for, checked: the filters of
 * {@link AccountFilter} plus the lifecycle stage, and the sort — a column chosen from a
 * fixed list (never SQL from the request) and a direction. A CSM's own accounts only,
 * whatever the {@code csm} parameter says.
 */
record PortfolioRequest(AccountFilter filter, String stage, String sort, boolean descending) {

	/** The columns a page may sort by, and the SQL each one sorts on. */
	static final Map<String, String> SORTS = sorts();

	static final String DEFAULT_SORT = "name";

	static PortfolioRequest of(String csm, String segment, String grade, String stage, Integer renewalWithinDays,
			String q, String sort, String dir, LocalDate today, SignedInUser user, HealthGrades grades) {
		String column = (sort == null || sort.isBlank()) ? DEFAULT_SORT : sort.strip().toLowerCase(Locale.ROOT);
		if (!SORTS.containsKey(column)) {
			throw new InputProblem("problem.not-one-of", "sort", sort, String.join(", ", SORTS.keySet()));
		}
		boolean descending = false;
		if (dir != null && !dir.isBlank()) {
			String direction = dir.strip().toLowerCase(Locale.ROOT);
			if (!direction.equals("asc") && !direction.equals("desc")) {
				throw new InputProblem("problem.not-one-of", "dir", dir, "asc, desc");
			}
			descending = direction.equals("desc");
		}
		AccountFilter filter = AccountFilter.of(user.ownsOnly() ? null : csm, segment, grades.check(grade),
				renewalWithinDays, today, q, user);
		return new PortfolioRequest(filter, (stage == null || stage.isBlank()) ? null : stage.strip(), column,
				descending);
	}

	/**
	 * The ORDER BY clause: the chosen column, empty values last in both directions, then
	 * the name and id so pages are stable.
	 */
	String orderBy() {
		String column = SORTS.get(this.sort);
		String direction = this.descending ? " DESC" : "";
		return "ORDER BY CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " + column + direction
				+ ", a.name, a.id\n";
	}

	private static Map<String, String> sorts() {
		Map<String, String> sorts = new LinkedHashMap<>();
		sorts.put("name", "a.name");
		sorts.put("grade", "h.grade");
		sorts.put("score", "h.overall_score");
		sorts.put("trend", "(h.overall_score - p.overall_score)");
		sorts.put("arr", "k.arr");
		sorts.put("renewal", "k.renewal_date");
		sorts.put("stage", "a.lifecycle_stage");
		sorts.put("segment", "a.segment");
		sorts.put("csm", "c.name");
		sorts.put("tasks", "o.open_tasks");
		return Collections.unmodifiableMap(sorts);
	}

}
