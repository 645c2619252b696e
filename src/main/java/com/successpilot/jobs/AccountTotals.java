package com.successpilot.jobs;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.run.StepTotal;

/**
 * How many accounts the account steps of a run will go through, counted once as each step
 * starts.
 */
@Repository
class AccountTotals {

	private static final String ACCOUNTS_TO_JUDGE = """
			SELECT COUNT(*) FROM account_facts
			WHERE run_date = :runDate
			  AND (:renewalWithin < 0 OR (renewal_date IS NOT NULL AND renewal_date <= :renewalBy))
			""";

	private final NamedParameterJdbcTemplate jdbc;

	AccountTotals(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every account: what the metrics step computes facts for.
	 */
	StepTotal allAccounts() {
		return (step) -> this.jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM accounts", Long.class);
	}

	/**
	 * The accounts with facts for the run's business date (renewing within the given
	 * days, unless it is negative): what a judgement step judges.
	 */
	StepTotal accountsToJudge(int renewalWithinDays) {
		return (step) -> {
			LocalDate runDate = FeedImportSteps.businessDate(step.getJobParameters());
			return this.jdbc.queryForObject(ACCOUNTS_TO_JUDGE,
					new MapSqlParameterSource("runDate", runDate).addValue("renewalWithin", renewalWithinDays)
						.addValue("renewalBy", runDate.plusDays(Math.max(renewalWithinDays, 0))),
					Long.class);
		};
	}

}
