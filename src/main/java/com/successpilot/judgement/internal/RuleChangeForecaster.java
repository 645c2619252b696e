package com.successpilot.judgement.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.successpilot.attention.TaskRank;
import com.successpilot.attention.TaskRanking;
import com.successpilot.metrics.AccountCase;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.rules.AccountJudgement;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetVersions;
import com.successpilot.task.RaisedTask;

/**
 * Puts the stored facts of one night before a rule set without recording anything: the
 * accounts are read in ranges side by side, as the judgement step reads them, each range
 * in a read-only transaction; each chunk of accounts goes to the caller's work, which may
 * read more (the tasks stored) in the same transaction. The task rows a judgement raises
 * are built by the step's own code ({@link JudgedAccount}).
 */
public final class RuleChangeForecaster {

	private static final int CHUNK_SIZE = JudgementStepFactory.CHUNK_SIZE;

	private final MetricsSteps metricsSteps;

	private final JudgementRecords records;

	private final TransactionTemplate readOnly;

	private final int threads;

	private final NamedParameterJdbcTemplate jdbc;

	private final RuleSetVersions versions;

	public RuleChangeForecaster(MetricsSteps metricsSteps, NamedParameterJdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, int threads, RuleSetVersions versions) {
		this.metricsSteps = metricsSteps;
		this.records = new JudgementRecords(jdbc);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.threads = Math.max(1, threads);
		this.jdbc = jdbc;
		this.versions = versions;
	}

	/**
	 * The rule set that judged a night (its last run), compiled from the files kept for
	 * it; empty when the night was not judged or its files were not kept.
	 * @param rulesDir where the files came from, for reports
	 */
	public Optional<RuleSet> judgedBy(LocalDate night, Path rulesDir) {
		List<String> versions = this.jdbc.queryForList(
				"SELECT rules_version FROM health_scores WHERE run_date = :night ORDER BY run_id DESC LIMIT 1",
				new MapSqlParameterSource("night", night), String.class);
		return versions.stream()
			.findFirst()
			.flatMap((version) -> this.versions.find(version, rulesDir))
			.map((source) -> {
				try {
					return RuleSet.compile(source);
				}
				catch (InvalidRuleSetException ex) {
					return null;
				}
			});
	}

	/**
	 * Hands every account of the night to {@code work}, a chunk at a time, from several
	 * threads at once; returns when all are done.
	 */
	public void forEachChunk(LocalDate runDate, ChunkWork work) {
		ExecutorService pool = Executors.newFixedThreadPool(this.threads);
		try {
			List<Future<?>> ranges = new ArrayList<>();
			for (ExecutionContext range : this.metricsSteps.accountRanges(this.threads * 2).values()) {
				ranges
					.add(pool.submit(() -> this.readOnly.executeWithoutResult((status) -> read(runDate, range, work))));
			}
			for (Future<?> range : ranges) {
				range.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while judging " + runDate, ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void read(LocalDate runDate, ExecutionContext range, ChunkWork work) {
		ItemStreamReader<AccountCase> reader = this.metricsSteps.accountCaseReader(runDate, CHUNK_SIZE, -1,
				range.getLong(MetricsSteps.FROM_ACCOUNT), range.getLong(MetricsSteps.TO_ACCOUNT));
		reader.open(new ExecutionContext());
		try {
			List<AccountCase> chunk = new ArrayList<>(CHUNK_SIZE);
			AccountCase account;
			while ((account = readOne(reader)) != null) {
				chunk.add(account);
				if (chunk.size() == CHUNK_SIZE) {
					work.judge(chunk);
					chunk = new ArrayList<>(CHUNK_SIZE);
				}
			}
			if (!chunk.isEmpty()) {
				work.judge(chunk);
			}
		}
		finally {
			reader.close();
		}
	}

	private static AccountCase readOne(ItemStreamReader<AccountCase> reader) {
		try {
			return reader.read();
		}
		catch (Exception ex) {
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	/**
	 * The task rows the judgement step would raise for an account, ranked as its writer
	 * ranks them (the score decides what the attention budget hands out first).
	 * @param healthBefore the account's health score the ranking compares with, or null
	 */
	public static List<RaisedTask> tasksOf(AccountCase account, AccountJudgement judgement, AttentionPolicy attention,
			LocalDate runDate, Double healthBefore) {
		return ranked(new JudgedAccount(account, judgement).tasks(), account, judgement, attention, runDate,
				healthBefore, true);
	}

	/**
	 * What the judgement step would decide for an account's tasks, ranked as its writer
	 * ranks them, without the texts a forecast never shows: the rows of
	 * {@link #tasksOf(AccountCase, AccountJudgement, AttentionPolicy, LocalDate, Double)}
	 * with the same keys, priorities, due dates and scores, and no title, description,
	 * why, evidence or score parts. The judgement may come from {@link RuleSet#decide}.
	 * @param healthBefore the account's health score the ranking compares with, or null
	 */
	public static List<RaisedTask> decisionsOf(AccountCase account, AccountJudgement judgement,
			AttentionPolicy attention, LocalDate runDate, Double healthBefore) {
		return ranked(JudgedAccount.decisionsOf(account, judgement), account, judgement, attention, runDate,
				healthBefore, false);
	}

	/**
	 * The rows with their scores as the writer ranks them, and the score's parts when
	 * {@code withParts}.
	 */
	private static List<RaisedTask> ranked(List<RaisedTask> tasks, AccountCase account, AccountJudgement judgement,
			AttentionPolicy attention, LocalDate runDate, Double healthBefore, boolean withParts) {
		if (tasks.isEmpty()) {
			return tasks;
		}
		TaskRanking ranking = new TaskRanking(attention.ranking());
		Double healthNow = judgement.health().map((score) -> (double) score.getOverall()).orElse(null);
		List<RaisedTask> ranked = new ArrayList<>(tasks.size());
		for (RaisedTask task : tasks) {
			TaskRank rank = ranking.rank(task.priority(), account.facts().getArr(), account.facts().getCurrency(),
					task.dueDate(), account.facts().getDaysToRenewal(), runDate, healthNow, healthBefore);
			ranked.add(task.ranked(rank.score(), withParts ? rank.partsJson() : null));
		}
		return ranked;
	}

	/**
	 * The task rows an account's judgement raises, unranked and without their texts: what
	 * a backtest counts (keys, playbook, rule, auto-close).
	 */
	public static List<RaisedTask> decisionsOf(AccountCase account, AccountJudgement judgement) {
		return JudgedAccount.decisionsOf(account, judgement);
	}

	/**
	 * Each account's health score the ranking of a set compares with.
	 */
	public Map<Long, Double> healthBefore(List<AccountCase> chunk, LocalDate runDate, RuleSet ruleSet) {
		return this.records.healthOn(chunk.stream().map(AccountCase::accountKey).toList(),
				runDate.minusDays(ruleSet.attention().ranking().healthTrend().comparedWithDaysAgo()));
	}

	/**
	 * What to do with each chunk of accounts, inside its range's read-only transaction.
	 */
	@FunctionalInterface
	public interface ChunkWork {

		void judge(List<AccountCase> chunk);

	}

}
