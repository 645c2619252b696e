package com.successpilot.metrics.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import com.successpilot.rules.facts.GoalProgress;

/**
 * A success goal and its periods up to the run date, read in period order: finds the
 * period to judge (the latest with a reported actual) and judges it pro rata.
 */
final class GoalPeriods {

	final long accountKey;

	private final GoalProgress.Builder builder;

	private final BigDecimal baseline;

	private final BigDecimal target;

	private final LocalDate dueDate;

	// where the next period starts from
	private BigDecimal previousTarget;

	private GoalPeriod judged;

	GoalPeriods(ResultSet rs, Map<Long, String> externalIds) {
		try {
			this.accountKey = rs.getLong("account_id");
			this.baseline = rs.getBigDecimal("baseline");
			this.target = rs.getBigDecimal("target");
			this.dueDate = AccountCaseQueries.date(rs, "due_date");
			this.builder = GoalProgress.builder()
				.accountId(externalIds.get(this.accountKey))
				.goalId(rs.getString("external_id"))
				.goalName(rs.getString("name"))
				.metric(rs.getString("metric"))
				.unit(rs.getString("unit"))
				.baseline(this.baseline)
				.target(this.target)
				.dueDate(this.dueDate);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void addPeriod(ResultSet rs) throws SQLException {
		String label = rs.getString("period");
		if (label == null) {
			return;
		}
		BigDecimal periodTarget = rs.getBigDecimal("period_target");
		BigDecimal actual = rs.getBigDecimal("period_actual");
		BigDecimal startsFrom = (this.previousTarget != null) ? this.previousTarget : this.baseline;
		// the latest period with a reported actual wins; a later one without does not
		// replace it (its actual is not in yet)
		if (actual != null || this.judged == null || this.judged.actual() == null) {
			this.judged = new GoalPeriod(label, AccountCaseQueries.date(rs, "period_start"),
					AccountCaseQueries.date(rs, "period_end"), startsFrom, periodTarget, actual);
		}
		this.previousTarget = periodTarget;
	}

	GoalProgress progress(LocalDate runDate) {
		GoalPeriod period = this.judged;
		boolean lowerIsBetter = this.target.compareTo(this.baseline) < 0;
		boolean achieved = period != null && period.actual() != null && (lowerIsBetter
				? period.actual().compareTo(this.target) <= 0 : period.actual().compareTo(this.target) >= 0);
		this.builder.daysToDue(AccountCaseQueries.daysBetween(runDate, this.dueDate)).achieved(achieved);
		if (period == null) {
			return this.builder.build();
		}
		return this.builder.currentPeriod(period.label())
			.periodTarget(period.target())
			.periodActual(period.actual())
			.elapsedPct(period.elapsedPct(runDate))
			.proRataTarget(period.proRataTarget(runDate))
			.attainmentPct(period.attainmentPct(runDate, lowerIsBetter))
			.build();
	}

}
