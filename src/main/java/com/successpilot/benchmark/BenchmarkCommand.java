package com.successpilot.benchmark;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.successpilot.attention.AttentionSteps;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.ingest.SourceSchemaLoad;
import com.successpilot.judgement.BacktestReport;
import com.successpilot.judgement.DraftThresholds;
import com.successpilot.judgement.JudgementSteps;
import com.successpilot.judgement.PreviewReport;
import com.successpilot.judgement.RuleBacktest;
import com.successpilot.judgement.RuleChangePreview;
import com.successpilot.mail.MailSteps;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.portfolio.DemoPortfolio;
import com.successpilot.portfolio.PortfolioSummary;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.run.RunLauncher;
import com.successpilot.system.Command;
import com.successpilot.system.CommandArguments;

/**
 * {@code benchmark}: generates N demo accounts into the inbox and imports them, then runs
 * what the nightly job does after the import — metrics, rules and task writing, the
 * benchmark's target — and prints per-step time, items/s, peak heap and the comparison
 * with the target. It then measures the floor: the same facts read and the same outcomes
 * written again, with rule evaluation replaced by a replay — the gap is what the rules
 * cost. Use a database you can throw away: it deletes tasks, health scores and mails.
 * With {@code --load=bulk} the generated files are put into the database by
 * {@link PortfolioBulkLoad} instead of the import job: the import is not what is
 * measured, and at 1,000,000 accounts it would take hours.
 */
@Component
class BenchmarkCommand extends Command {

	private final ImportDefinition importDefinition;

	private final RunLauncher launcher;

	private final MetricsSteps metricsSteps;

	private final JudgementSteps judgementSteps;

	private final MailSteps mailSteps;

	private final AttentionSteps attentionSteps;

	private final JobRepository jobRepository;

	private final JdbcTemplate jdbc;

	private final PortfolioBulkLoad bulkLoad;

	private final Clock clock;

	private final RuleChangePreview preview;

	private final RuleBacktest backtest;

	private final LiveRuleSet liveRuleSet;

	private final SourceSchemaLoad sourceSchemaLoad;

	private final FeedImportSteps feedImportSteps;

	BenchmarkCommand(ImportDefinition importDefinition, RunLauncher launcher, MetricsSteps metricsSteps,
			JudgementSteps judgementSteps, MailSteps mailSteps, AttentionSteps attentionSteps,
			JobRepository jobRepository, JdbcTemplate jdbc, PortfolioBulkLoad bulkLoad, Clock clock,
			RuleChangePreview preview, RuleBacktest backtest, LiveRuleSet liveRuleSet,
			SourceSchemaLoad sourceSchemaLoad, FeedImportSteps feedImportSteps) {
		super("benchmark",
				"[--accounts=100000] [--date=YYYY-MM-DD] [--load=import|bulk] [--reuse] [--keep-tasks] "
						+ "[--skip-metrics] [--repeat=N] [--mail] [--no-floor] [--preview] [--job=importJob] "
						+ "[--source=files|postgres] [--source-url=JDBC-URL] [--source-user=NAME]",
				"generate and import N accounts, then time metrics + rules + task writing against the target (use a "
						+ "throw-away database). --reuse: skip generating and importing, use the accounts already "
						+ "there; --keep-tasks: keep the tasks of earlier runs (a re-run) instead of starting from "
						+ "none (a first night); --skip-metrics: judge the facts an earlier run computed; "
						+ "--repeat=N: run it N times in this JVM (later passes show a warm JVM, as in a "
						+ "long-running server); --mail: also compose and deliver the mails; --job=importJob: only "
						+ "generate and import; --load=bulk: put the generated files into the database with LOAD "
						+ "DATA LOCAL INFILE instead of the import job (benchmark only, MySQL/MariaDB with "
						+ "allowLoadLocalInfile=true: the import of 1,000,000 accounts takes hours and is not what "
						+ "the benchmark measures); --preview: then time a preview of the rules directory against the "
						+ "set in force, and a backtest of the night; --source=postgres: copy the generated files into a "
						+ "PostgreSQL schema (--source-url, default jdbc:postgresql://127.0.0.1:5432/postgres) and time "
						+ "the import pulling every feed from there (docs/sources.md)");
		this.attentionSteps = attentionSteps;
		this.importDefinition = importDefinition;
		this.launcher = launcher;
		this.metricsSteps = metricsSteps;
		this.judgementSteps = judgementSteps;
		this.mailSteps = mailSteps;
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
		this.bulkLoad = bulkLoad;
		this.clock = clock;
		this.preview = preview;
		this.backtest = backtest;
		this.liveRuleSet = liveRuleSet;
		this.sourceSchemaLoad = sourceSchemaLoad;
		this.feedImportSteps = feedImportSteps;
	}

	@Override
	public int run(CommandArguments arguments, PrintStream out) throws Exception {
		int accounts = arguments.number("accounts", 100_000);
		LocalDate date = arguments.date("date", LocalDate.now(this.clock));
		String job = arguments.text("job", "nightlyJob");
		boolean bulk = bulkLoad(arguments);
		boolean postgres = fromPostgres(arguments);
		if (bulk && postgres) {
			throw new IllegalArgumentException("--load=bulk and --source=postgres exclude each other: the bulk load "
					+ "skips the import that --source=postgres measures");
		}
		if (!arguments.has("reuse")) {
			if (bulk) {
				this.bulkLoad.checkSupported(this.importDefinition.inbox());
			}
			long started = System.nanoTime();
			PortfolioSummary portfolio = DemoPortfolio.generate(this.importDefinition.inbox(), accounts, date, 42);
			out.printf("Generated %,d accounts (%,d usage rows, %,d feed rows) in %.1f s%n", portfolio.accounts(),
					portfolio.rows("usage"), portfolio.totalRows(), (System.nanoTime() - started) / 1e9);
			if (bulk) {
				this.bulkLoad.load(portfolio, this.importDefinition, out);
			}
			else if (postgres) {
				pullFromPostgres(arguments, date, out);
			}
			else {
				BenchmarkReport imported = BenchmarkReport.start();
				imported.print("importJob", this.launcher.run("importJob", date, true), out);
			}
			if (job.equals("importJob")) {
				return 0;
			}
		}
		boolean floor = !arguments.has("no-floor");
		int passes = Math.max(1, arguments.number("repeat", 1));
		JobExecution execution = null;
		for (int pass = 1; pass <= passes; pass++) {
			if (floor && pass == passes) {
				this.judgementSteps.startRecordingOutcomes();
			}
			execution = judge(arguments, date, pass, passes, out);
			this.judgementSteps.stopRecordingOutcomes();
		}
		if (floor) {
			long run = execution.getJobInstance().getInstanceId();
			this.jdbc.update("DELETE FROM attention_ledger WHERE run_id = ?", run);
			this.jdbc.update("DELETE FROM mail_outbox WHERE run_id = ?", run);
			this.jdbc.update("DELETE FROM tasks WHERE created_run = ?", run);
			this.jdbc.update("DELETE FROM health_scores WHERE run_id = ?", run);
			awaitPurge(out);
			Job floorJob = new JobBuilder("benchmarkFloorJob", this.jobRepository)
				.start(this.judgementSteps.floorStep("accountJudgementFloorStep"))
				.build();
			BenchmarkReport floorReport = BenchmarkReport.start();
			JobExecution floorExecution = this.launcher.run(floorJob, date, true);
			out.println("\nFloor: the same accounts read and the same outcomes written, no rule evaluation");
			floorReport.print("benchmarkFloorJob", floorExecution, out);
		}
		if (arguments.has("preview")) {
			timePreviewAndBacktest(date, execution, out);
		}
		return 0;
	}

	/**
	 * A preview of the rules directory against the set in force on the night's facts and
	 * tasks, and a backtest of the night: both judge every account (the preview twice),
	 * read the tasks and write nothing; compared with the judgement step just run.
	 */
	private void timePreviewAndBacktest(LocalDate date, JobExecution night, PrintStream out) {
		RuleSet draft = RuleSet.load(this.liveRuleSet.rulesDir());
		long started = System.nanoTime();
		BenchmarkReport previewUse = BenchmarkReport.start();
		PreviewReport preview = this.preview.preview(draft, DraftThresholds.NONE, date);
		double previewSeconds = (System.nanoTime() - started) / 1e9;
		double previewCpu = previewUse.cpuSeconds();
		started = System.nanoTime();
		BenchmarkReport backtestUse = BenchmarkReport.start();
		BacktestReport backtest = this.backtest.backtest(draft, date, date);
		double backtestSeconds = (System.nanoTime() - started) / 1e9;
		double backtestCpu = backtestUse.cpuSeconds();
		double judgementSeconds = night.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("accountJudgementStep"))
			.mapToDouble((step) -> java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1e3)
			.findFirst()
			.orElse(Double.NaN);
		out.printf(
				"%nPreview of %,d accounts (draft and set in force each judged, tasks read, nothing written): "
						+ "%.1f s, %,.0f accounts/s; the judgement step took %.1f s (preview/step %.2f)%n",
				preview.accounts(), previewSeconds, preview.accounts() / previewSeconds, judgementSeconds,
				previewSeconds / judgementSeconds);
		out.printf("  the preview used %.1f s of CPU (load average %.1f at its start)%n", previewCpu,
				previewUse.loadAtStart());
		out.printf(
				"Backtest of %d night(s), %,d accounts: %.1f s, %,.0f accounts/s per night; it would have raised "
						+ "%,d tasks%n",
				backtest.nights().size(), backtest.accounts(), backtestSeconds,
				backtest.accounts() * backtest.nights().size() / backtestSeconds,
				backtest.rows().isEmpty() ? 0 : backtest.rows().get(backtest.rows().size() - 1).tasks());
		out.printf("  the backtest used %.1f s of CPU (load average %.1f at its start)%n", backtestCpu,
				backtestUse.loadAtStart());
	}

	/**
	 * Copies the generated files into PostgreSQL, then times the import pulling them from
	 * there: the same steps a feed with {@code source:} runs.
	 */
	private void pullFromPostgres(CommandArguments arguments, LocalDate date, PrintStream out) throws Exception {
		String url = arguments.text("source-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
		SourceSchemaLoad.Loaded loaded = this.sourceSchemaLoad.load(this.importDefinition, url,
				arguments.text("source-user", "postgres"), date.atStartOfDay().plusMinutes(30));
		out.printf("Copied %,d rows into %d tables of PostgreSQL schema %s in %.1f s (not part of the import)%n",
				loaded.rows(), loaded.tables().size(), SourceSchemaLoad.SCHEMA, loaded.seconds());
		List<Step> steps = this.feedImportSteps.steps(loaded.definition());
		SimpleJobBuilder job = new JobBuilder("sourceImportJob", this.jobRepository).start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		BenchmarkReport pulled = BenchmarkReport.start();
		pulled.print("sourceImportJob", this.launcher.run(job.build(), date, true), out);
	}

	private static boolean fromPostgres(CommandArguments arguments) {
		String source = arguments.text("source", "files");
		if (!source.equals("files") && !source.equals("postgres")) {
			throw new IllegalArgumentException("--source must be files or postgres, not '" + source + "'");
		}
		return source.equals("postgres");
	}

	/**
	 * {@code --load=bulk} or the default {@code --load=import}.
	 */
	private static boolean bulkLoad(CommandArguments arguments) {
		String load = arguments.text("load", "import");
		if (!load.equals("import") && !load.equals("bulk")) {
			throw new IllegalArgumentException("--load must be import or bulk, not '" + load + "'");
		}
		return load.equals("bulk");
	}

	/**
	 * One pass of what the nightly job does after the import, printed with the target.
	 */
	private JobExecution judge(CommandArguments arguments, LocalDate date, int pass, int passes, PrintStream out)
			throws Exception {
		boolean keepTasks = arguments.has("keep-tasks");
		if (!keepTasks) {
			forgetJudgements();
		}
		if (!arguments.has("skip-metrics")) {
			// a night computes its facts for the first time: nothing to replace
			this.jdbc.update("DELETE FROM account_facts WHERE run_date = ?", date);
		}
		awaitPurge(out);
		out.printf("%nJudging %,d accounts of %s (%s)%s%n", countAccounts(), date,
				keepTasks ? "a re-run: tasks of earlier runs kept" : "a first night: no tasks yet", (passes > 1)
						? ", pass " + pass + " of " + passes + ((pass > 1) ? " in a warm JVM" : " in a cold JVM") : "");
		BenchmarkReport nightly = BenchmarkReport.start();
		JobExecution execution = this.launcher.run(nightlyJob(!arguments.has("skip-metrics"), arguments.has("mail")),
				date, true);
		nightly.print("benchmarkNightlyJob", execution, out);
		nightly.printTarget(execution, out);
		return execution;
	}

	/**
	 * What the nightly job runs after the import: the metrics, judgement and attention
	 * steps, and the mail steps only when asked (delivering tens of thousands of mails is
	 * not part of the target and takes long).
	 */
	private Job nightlyJob(boolean withMetrics, boolean withMail) {
		Step judgement = this.judgementSteps.accountJudgementStep("accountJudgementStep", -1);
		SimpleJobBuilder job = new JobBuilder("benchmarkNightlyJob", this.jobRepository)
			.start(withMetrics ? this.metricsSteps.accountMetricsStep() : judgement);
		if (withMetrics) {
			job.next(judgement);
		}
		job.next(this.attentionSteps.attentionStep());
		if (withMail) {
			job.next(this.mailSteps.mailComposeStep()).next(this.mailSteps.mailDeliveryStep());
		}
		return job.build();
	}

	/** Starts from a first night: no tasks, health scores or mails yet. */
	private void forgetJudgements() {
		this.jdbc.update("DELETE FROM attention_ledger");
		this.jdbc.update("DELETE FROM attention_nights");
		this.jdbc.update("DELETE FROM mail_outbox");
		this.jdbc.update("DELETE FROM tasks");
		this.jdbc.update("DELETE FROM health_scores");
	}

	/**
	 * Waits until InnoDB has purged the rows deleted above (MySQL/MariaDB), up to five
	 * minutes: a real night does not start with hundreds of thousands of deleted rows
	 * being purged in the background, competing with the run for the same two cores.
	 */
	private void awaitPurge(PrintStream out) throws InterruptedException {
		if (historyLength() < 0) {
			return;
		}
		long started = System.nanoTime();
		long deadline = started + 300_000_000_000L;
		while (historyLength() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		out.printf("Waited %.1f s for the database to purge the deleted rows (history length %,d)%n",
				(System.nanoTime() - started) / 1e9, historyLength());
	}

	/**
	 * InnoDB's history list length: committed transactions whose undo (their deleted
	 * rows) is not yet purged — one per transaction, however many rows it deleted — or -1
	 * where the database does not report it (H2).
	 */
	private long historyLength() {
		try {
			Long length = this.jdbc.queryForObject(
					"SELECT count FROM information_schema.INNODB_METRICS WHERE name = 'trx_rseg_history_len'",
					Long.class);
			return (length != null) ? length : -1;
		}
		catch (DataAccessException ex) {
			return -1;
		}
	}

	private long countAccounts() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Long.class);
		return (count != null) ? count : 0;
	}

}
