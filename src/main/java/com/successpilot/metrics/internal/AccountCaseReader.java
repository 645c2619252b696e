package com.successpilot.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.successpilot.metrics.AccountCase;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.Threshold;

/**
 * Reads the accounts of a run date as {@link AccountCase}s, a page at a time in account
 * order, loading goals and agreed thresholds for the whole page in two queries.
 * Restartable: the last account handed out is saved with every chunk.
 */
public final class AccountCaseReader implements ItemStreamReader<AccountCase> {

	private static final String LAST_ACCOUNT = "accountCases.lastAccount";

	private final AccountCaseQueries queries;

	private final LocalDate runDate;

	private final int pageSize;

	private final int renewalWithinDays;

	private final long firstAccount;

	private final long lastAccountOfRange;

	private final Deque<AccountCase> page = new ArrayDeque<>();

	private Map<String, Map<String, Double>> segmentThresholds = Map.of();

	private long lastAccount;

	private boolean exhausted;

	/**
	 * @param fromAccount the first account id of the range to read
	 * @param toAccount the last account id of the range to read
	 */
	public AccountCaseReader(AccountCaseQueries queries, LocalDate runDate, int pageSize, int renewalWithinDays,
			long fromAccount, long toAccount) {
		this.queries = queries;
		this.runDate = runDate;
		this.pageSize = pageSize;
		this.renewalWithinDays = renewalWithinDays;
		this.firstAccount = fromAccount;
		this.lastAccountOfRange = toAccount;
	}

	@Override
	public void open(ExecutionContext context) {
		this.lastAccount = context.getLong(LAST_ACCOUNT,
				(this.firstAccount == Long.MIN_VALUE) ? Long.MIN_VALUE : this.firstAccount - 1);
		this.segmentThresholds = this.queries.segmentThresholds();
		this.page.clear();
		this.exhausted = false;
	}

	@Override
	public AccountCase read() {
		if (this.page.isEmpty() && !this.exhausted) {
			fetchPage();
		}
		AccountCase next = this.page.poll();
		if (next != null) {
			this.lastAccount = next.accountKey();
		}
		return next;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LAST_ACCOUNT, this.lastAccount);
	}

	private void fetchPage() {
		List<AccountCaseQueries.FactsRow> rows = this.queries.factsPage(this.runDate, this.lastAccount,
				this.lastAccountOfRange, this.pageSize, this.renewalWithinDays);
		if (rows.size() < this.pageSize) {
			this.exhausted = true;
		}
		if (rows.isEmpty()) {
			return;
		}
		Map<Long, String> externalIds = new LinkedHashMap<>();
		rows.forEach((row) -> externalIds.put(row.accountKey(), row.facts().getAccountId()));
		Map<Long, List<GoalProgress>> goals = this.queries.goals(externalIds.keySet(), externalIds, this.runDate);
		Map<Long, Map<String, Double>> agreed = this.queries.accountThresholds(externalIds.keySet());
		Map<Long, Map<String, AccountCaseQueries.Agreement>> agreements = this.queries.agreements(externalIds.keySet());
		for (AccountCaseQueries.FactsRow row : rows) {
			this.page.add(new AccountCase(row.accountKey(), row.csmKey(), row.facts(),
					goals.getOrDefault(row.accountKey(), List.of()),
					thresholds(row, agreed.getOrDefault(row.accountKey(), Map.of()),
							agreements.getOrDefault(row.accountKey(), Map.of()))));
		}
	}

	private List<Threshold> thresholds(AccountCaseQueries.FactsRow row, Map<String, Double> agreed,
			Map<String, AccountCaseQueries.Agreement> agreements) {
		String accountId = row.facts().getAccountId();
		List<Threshold> thresholds = new ArrayList<>();
		this.segmentThresholds.getOrDefault(row.facts().getSegment(), Map.of()).forEach((name, value) -> {
			if (!agreed.containsKey(name)) {
				thresholds.add(new Threshold(accountId, name, value, Threshold.SEGMENT));
			}
		});
		agreed.forEach((name, value) -> {
			AccountCaseQueries.Agreement agreement = agreements.get(name);
			thresholds.add(new Threshold(accountId, name, value, Threshold.ACCOUNT,
					(agreement != null) ? agreement.agreedOn() : null, (agreement != null) ? agreement.note() : null));
		});
		return thresholds;
	}

}
