package com.successpilot.metrics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.metrics.internal.AccountCaseQueries;
import com.successpilot.metrics.internal.AccountCaseReader;
import com.successpilot.metrics.internal.AccountFactsRepository;
import com.successpilot.system.LogContextPropagation;

/**
 * The metrics step and the reader that hands its results to the rules.
 */
@Component
@EnableConfigurationProperties(FactsProperties.class)
public class MetricsSteps {

	private static final Log logger = LogFactory.getLog(MetricsSteps.class);

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final AccountFactsRepository facts;

	/** In a partition's context: the first account id of its range. */
	public static final String FROM_ACCOUNT = "metrics.fromAccount";

	/** In a partition's context: the last account id of its range. */
	public static final String TO_ACCOUNT = "metrics.toAccount";

	private final AccountCaseQueries queries;

	private final int partitions = Math.max(2, Runtime.getRuntime().availableProcessors());

	private static final int RANGES_PER_THREAD = 4;

	private final SimpleAsyncTaskExecutor partitionExecutor = new SimpleAsyncTaskExecutor("metrics-");

	private final int retentionDays;

	MetricsSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AccountFactsRepository facts, AccountCaseQueries queries, FactsProperties factsProperties) {
		this.retentionDays = factsProperties.retentionDays();
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.facts = facts;
		this.queries = queries;
		this.partitionExecutor.setConcurrencyLimit(this.partitions);
		this.partitionExecutor.setTaskDecorator(new LogContextPropagation());
	}

	/**
	 * {@code accountMetricsStep}: computes the facts of every account for the run's
	 * business date. The accounts are split into ranges computed side by side
	 * ({@code accountMetricsPartitionStep}, one transaction each); re-running replaces
	 * them, and a restart recomputes only the ranges that did not finish.
	 */
	public Step accountMetricsStep() {
		Step partition = new StepBuilder("accountMetricsPartitionStep", this.jobRepository)
			.tasklet((contribution, context) -> {
				var stepExecution = context.getStepContext().getStepExecution();
				LocalDate runDate = FeedImportSteps.businessDate(stepExecution.getJobParameters());
				long from = stepExecution.getExecutionContext().getLong(FROM_ACCOUNT);
				long to = stepExecution.getExecutionContext().getLong(TO_ACCOUNT);
				int accounts = this.facts.compute(runDate, from, to);
				contribution.incrementWriteCount(accounts);
				logger.info("Computed the facts of " + accounts + " accounts for " + runDate);
				return RepeatStatus.FINISHED;
			}, this.transactionManager)
			.transactionAttribute(PartitionTransactions.readCommitted())
			.build();
		return new StepBuilder("accountMetricsStep", this.jobRepository)
			.partitioner("accountMetricsPartitionStep", this::accountRanges)
			.step(partition)
			// more ranges than threads: usage is not spread evenly over account ids, so a
			// thread that finishes a light range early takes the next one
			.gridSize(this.partitions * RANGES_PER_THREAD)
			.taskExecutor(this.partitionExecutor)
			.listener(new StepExecutionListener() {

				@Override
				public ExitStatus afterStep(StepExecution step) {
					if (step.getStatus() == BatchStatus.COMPLETED) {
						// the history preview and backtest look back on, no further
						LocalDate runDate = FeedImportSteps.businessDate(step.getJobParameters());
						int pruned = MetricsSteps.this.facts
							.pruneBefore(runDate.minusDays(MetricsSteps.this.retentionDays));
						if (pruned > 0) {
							logger.info("Deleted " + pruned + " facts of nights more than "
									+ MetricsSteps.this.retentionDays + " days before " + runDate);
						}
					}
					return null;
				}

			})
			.build();
	}

	/**
	 * A reader of the run date's accounts, a page at a time.
	 * @param renewalWithinDays only accounts renewing within this many days, or -1 for
	 * all
	 */
	public ItemStreamReader<AccountCase> accountCaseReader(LocalDate runDate, int pageSize, int renewalWithinDays,
			long fromAccount, long toAccount) {
		return new AccountCaseReader(this.queries, runDate, pageSize, renewalWithinDays, fromAccount, toAccount);
	}

	/**
	 * Splits the accounts into ranges of about equal size for partitioned steps: each
	 * partition's context holds {@link #FROM_ACCOUNT} and {@link #TO_ACCOUNT}.
	 */
	public Map<String, ExecutionContext> accountRanges(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		List<long[]> ranges = this.facts.accountRanges(gridSize);
		for (int i = 0; i < ranges.size(); i++) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(FROM_ACCOUNT, ranges.get(i)[0]);
			context.putLong(TO_ACCOUNT, ranges.get(i)[1]);
			partitions.put("accounts" + i, context);
		}
		return partitions;
	}

}
