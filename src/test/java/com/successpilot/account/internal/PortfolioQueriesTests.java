package com.successpilot.account.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioQueriesTests {

	@Test
	void aCountByNameAndSegmentReadsTheAccountsAlone() {
		assertThat(PortfolioQueries.from("WHERE a.segment = :segment ORDER BY a.name, a.id"))
			.isEqualTo(AccountQueries.ACCOUNTS);
	}

	@Test
	void eachAliasBringsItsJoinAndTheTrendBringsTheNewestHealthToo() {
		assertThat(PortfolioQueries.from("WHERE UPPER(h.grade) = :grade"))
			.isEqualTo(AccountQueries.ACCOUNTS + AccountQueries.HEALTH);
		assertThat(PortfolioQueries.from("WHERE LOWER(c.email) = LOWER(:csmEmail) ORDER BY k.arr DESC"))
			.isEqualTo(AccountQueries.ACCOUNTS + AccountQueries.CSM + AccountQueries.CONTRACTS);
		String trend = PortfolioQueries.from("ORDER BY (h.overall_score - p.overall_score)");
		assertThat(trend).startsWith(AccountQueries.ACCOUNTS + AccountQueries.HEALTH)
			.contains("health_scores p ON")
			.doesNotContain("tasks");
		assertThat(PortfolioQueries.from("ORDER BY o.open_tasks")).contains("FROM tasks").doesNotContain("csms");
	}

	@Test
	void aColumnEndingInAnAliasLetterIsNoAlias() {
		assertThat(PortfolioQueries.from("WHERE a.csm_id = :scope ORDER BY a.lifecycle_stage"))
			.isEqualTo(AccountQueries.ACCOUNTS);
	}

}
