package com.successpilot.judgement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.judgement.JudgementListener;
import com.successpilot.metrics.AccountCase;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.metrics.PartitionTransactions;
import com.successpilot.mail.OpsMails;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSetVersions;
import com.successpilot.system.LogContextPropagation;
import com.successpilot.task.TaskRepository;

/**
 * Assembles the judgement step: the metrics' reader of account cases →
 * {@link AccountJudge} → {@link JudgementWriter}, partitioned by account range, with the
 * rule set pinned once for the whole step by its {@link RuleSetPin}.
 */
public final class JudgementStepFactory {

	/** Accounts per transaction. */
	static final int CHUNK_SIZE = 500;

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final MetricsSteps metricsSteps;

	private final LiveRuleSet liveRuleSet;

	private final TaskRepository tasks;

	private final JudgementRecords records;

	private final RuleSetVersions ruleSetVersions;

	private final OpsMails opsMails;

	private final Clock clock;

	private final int evaluationThreads;

	private final OutcomeReplay replay = new OutcomeReplay();

	private final JudgementStepReport report;

	private final ThreadPoolTaskExecutor evaluationExecutor;

	public JudgementStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MetricsSteps metricsSteps, LiveRuleSet liveRuleSet, RuleSetVersions ruleSetVersions, OpsMails opsMails,
			TaskRepository tasks, NamedParameterJdbcTemplate jdbc, int evaluationThreads,
			List<JudgementListener> judgementListeners, Clock clock) {
		this.report = new JudgementStepReport(tasks, judgementListeners, clock);
		this.clock = clock;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.metricsSteps = metricsSteps;
		this.liveRuleSet = liveRuleSet;
		this.tasks = tasks;
		this.records = new JudgementRecords(jdbc);
		this.ruleSetVersions = ruleSetVersions;
		this.opsMails = opsMails;
		this.evaluationThreads = evaluationThreads;
		this.evaluationExecutor = new ThreadPoolTaskExecutor();
		this.evaluationExecutor.setCorePoolSize(evaluationThreads);
		this.evaluationExecutor.setMaxPoolSize(evaluationThreads);
		this.evaluationExecutor.setThreadNamePrefix("rules-");
		this.evaluationExecutor.setDaemon(true);
		this.evaluationExecutor.setTaskDecorator(new LogContextPropagation());
		this.evaluationExecutor.initialize();
	}

	public Step step(String stepName, int renewalWithinDays) {
		return step(stepName, renewalWithinDays, List.of());
	}

	/**
	 * The step with listeners of the test's own on each partition, called before the
	 * step's: to act between one partition's chunks and another's start.
	 */
	Step step(String stepName, int renewalWithinDays, List<StepListener> partitionListeners) {
		RuleSetPin pin = new RuleSetPin(this.liveRuleSet, this.ruleSetVersions, this.jobRepository, this.records,
				this.opsMails, this.clock);
		return build(stepName, renewalWithinDays, new AccountJudge(pin, this.replay), pin, pin, partitionListeners);
	}

	/**
	 * The same step with the rules replaced by a replay of recorded outcomes: the floor
	 * of what reading facts and writing outcomes costs.
	 */
	public Step floorStep(String stepName) {
		return build(stepName, -1, this.replay.replayer(), (partition) -> "floor", null, List.of());
	}

	public OutcomeReplay replay() {
		return this.replay;
	}

	private Step build(String stepName, int renewalWithinDays, ItemProcessor<AccountCase, JudgedAccount> judge,
			JudgementWriter.RulesVersionSource rulesVersion, RuleSetPin pin, List<StepListener> partitionListeners) {
		RunDateReader reader = new RunDateReader(this.metricsSteps, renewalWithinDays);
		JudgementWriter writer = new JudgementWriter(this.tasks, this.records, rulesVersion);
		ChunkOrientedStepBuilder<AccountCase, JudgedAccount> chunks = new StepBuilder(stepName + "Partition",
				this.jobRepository)
			.chunk(CHUNK_SIZE);
		partitionListeners.forEach(chunks::listener);
		Step partition = chunks.transactionManager(this.transactionManager)
			.transactionAttribute(PartitionTransactions.readCommitted())
			.reader(reader)
			.processor(judge)
			.writer(writer)
			.listener(reader)
			.listener(new JudgementStepReport.PartitionLog())
			.build();
		// each partition reads, judges and writes its own range of accounts, so one
		// partition's rule evaluation overlaps another's database work
		var manager = new StepBuilder(stepName, this.jobRepository)
			.partitioner(stepName + "Partition", this.metricsSteps::accountRanges)
			.step(partition)
			.gridSize(this.evaluationThreads)
			.taskExecutor(this.evaluationExecutor);
		if (pin != null) {
			// the rule set is chosen once, before any partition starts
			manager.listener(pin);
		}
		return manager.listener(new JudgementStepReport.RankingLog(writer)).listener(this.report).build();
	}

	/**
	 * The account reader for the business date of the step's run, created when the step
	 * starts.
	 */
	private static final class RunDateReader implements ItemStreamReader<AccountCase>, StepExecutionListener {

		private final MetricsSteps metricsSteps;

		private final int renewalWithinDays;

		// partitions share this reader; each runs on its own thread from start to end
		private final ThreadLocal<ItemStreamReader<AccountCase>> delegate = new ThreadLocal<>();

		RunDateReader(MetricsSteps metricsSteps, int renewalWithinDays) {
			this.metricsSteps = metricsSteps;
			this.renewalWithinDays = renewalWithinDays;
		}

		@Override
		public void beforeStep(StepExecution stepExecution) {
			LocalDate runDate = FeedImportSteps.businessDate(stepExecution.getJobParameters());
			ExecutionContext range = stepExecution.getExecutionContext();
			this.delegate.set(this.metricsSteps.accountCaseReader(runDate, CHUNK_SIZE, this.renewalWithinDays,
					range.getLong(MetricsSteps.FROM_ACCOUNT, Long.MIN_VALUE),
					range.getLong(MetricsSteps.TO_ACCOUNT, Long.MAX_VALUE)));
		}

		@Override
		public void open(ExecutionContext context) {
			this.delegate.get().open(context);
		}

		@Override
		public AccountCase read() throws Exception {
			return this.delegate.get().read();
		}

		@Override
		public void update(ExecutionContext context) {
			this.delegate.get().update(context);
		}

		@Override
		public void close() {
			this.delegate.remove();
		}

	}

}
