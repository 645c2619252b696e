package com.successpilot.judgement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.mail.OpsMails;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.rules.RuleSetSource;
import com.successpilot.rules.RuleSetVersions;

/**
 * Chooses the rule set a judgement step judges with, once, when the step starts, so one
 * night is judged by one rules version. The first attempt pins the live set: its version
 * goes into the step's execution context and its files are kept. A restart judges with
 * the pinned version: the live set when it is still that version, else the kept files
 * compiled again; when neither can be had the step fails naming both versions, rather
 * than judge the rest of the night with other rules.
 * <p>
 * Listens to the step that manages the partitions; the partitions, which share the
 * processor and writer, ask for the set of their job execution. A reload of the live set
 * while the step runs changes nothing here.
 */
final class RuleSetPin implements StepExecutionListener, JudgementWriter.RulesVersionSource {

	/** The key of the pinned version in the step's execution context. */
	static final String RULES_VERSION = "judgement.rulesVersion";

	private static final Log logger = LogFactory.getLog(RuleSetPin.class);

	private final LiveRuleSet live;

	private final RuleSetVersions judged;

	private final JobRepository jobRepository;

	private final JudgementRecords records;

	private final OpsMails opsMails;

	private final Clock clock;

	// by job execution: one judgement step of a job runs at a time, and jobs may overlap
	private final Map<Long, RuleSet> pinned = new ConcurrentHashMap<>();

	RuleSetPin(LiveRuleSet live, RuleSetVersions judged, JobRepository jobRepository, JudgementRecords records,
			OpsMails opsMails, Clock clock) {
		this.opsMails = opsMails;
		this.live = live;
		this.judged = judged;
		this.jobRepository = jobRepository;
		this.records = records;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution step) {
		ExecutionContext context = step.getExecutionContext();
		boolean restart = context.containsKey(RULES_VERSION);
		RuleSet ruleSet = restart ? repin(step, context.getString(RULES_VERSION)) : pinLive(step);
		String lastGoodBecause = restart ? null : lastGoodBecause(ruleSet);
		if (lastGoodBecause != null) {
			logger.warn(step.getStepName() + ": " + lastGoodBecause);
			tellOps(step, lastGoodBecause);
		}
		this.records.pinned(step.getJobExecution().getJobInstance().getInstanceId(),
				step.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE), step.getStepName(),
				ruleSet.version(), ruleSet.ruleNames(), lastGoodBecause, LocalDateTime.now(this.clock));
		// published before any partition starts; the map makes it visible to their
		// threads
		this.pinned.put(step.getJobExecutionId(), ruleSet);
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		this.pinned.remove(step.getJobExecutionId());
		return null;
	}

	/**
	 * The set pinned by the judgement step that {@code partition} belongs to.
	 */
	RuleSet ruleSetOf(StepExecution partition) {
		RuleSet ruleSet = this.pinned.get(partition.getJobExecutionId());
		if (ruleSet == null) {
			throw new IllegalStateException(partition.getStepName() + " runs outside a judgement step: no rule set "
					+ "is pinned for job execution " + partition.getJobExecutionId());
		}
		return ruleSet;
	}

	@Override
	public String rulesVersion(StepExecution partition) {
		return ruleSetOf(partition).version();
	}

	@Override
	public AttentionPolicy attention(StepExecution partition) {
		return ruleSetOf(partition).attention();
	}

	private RuleSet pinLive(StepExecution step) {
		RuleSet ruleSet = this.live.current();
		this.judged.keep(ruleSet.source());
		step.getExecutionContext().putString(RULES_VERSION, ruleSet.version());
		// saved now, not only when the step ends: a process that dies mid-step restarts
		// with it
		this.jobRepository.updateExecutionContext(step);
		logger.info(step.getStepName() + ": judging with rules version " + ruleSet.version());
		return ruleSet;
	}

	/**
	 * Why the night is judged with the last good version rather than the files in the
	 * rules directory, or null when it is judged with the files.
	 */
	private String lastGoodBecause(RuleSet pinned) {
		LiveRuleSet.Status status = this.live.status();
		if (!status.lastGoodInForce() || !status.live().version().equals(pinned.version())) {
			return null;
		}
		RuleSetReport refused = status.lastAttempt().report();
		List<String> problems = refused.problems().stream().map(Object::toString).toList();
		return "ran on last good version " + pinned.version() + " because the files in " + this.live.rulesDir()
				+ " (version " + refused.version() + ") have " + problems.size() + " problem(s): "
				+ String.join("; ", problems.subList(0, Math.min(3, problems.size())))
				+ ((problems.size() > 3) ? "; …" : "");
	}

	private void tellOps(StepExecution step, String lastGoodBecause) {
		long run = step.getJobExecution().getJobInstance().getInstanceId();
		LocalDate runDate = step.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE);
		String version = this.live.status().live().version();
		String fix = "Fix the files ('validate' lists every problem with file and line), then reload (POST "
				+ "/api/rules/reload) or wait for the next run. Until then every run judges with " + version + ".";
		String fixJa = "ファイルを修正してください（'validate' がすべての問題をファイルと行で表示します）。その後リロード（POST /api/rules/reload）するか、次の実行を待ってください。"
				+ "それまでは毎回 " + version + " で判定します。";
		this.opsMails.tell("last-good:" + run + ":" + step.getStepName(), run, runDate,
				new OpsMails.Text("The rules in " + this.live.rulesDir() + " are broken: " + runDate
						+ " judged with the last good version " + version, lastGoodBecause + "\n\n" + fix),
				new OpsMails.Text(
						this.live.rulesDir() + " のルールが壊れています: " + runDate + " は前回の正常なバージョン " + version + " で判定",
						this.live.rulesDir() + " のファイルに問題があるため、" + runDate + " の夜は前回の正常なバージョン " + version
								+ " で判定しました。\n\n" + lastGoodBecause + "\n\n" + fixJa));
	}

	private RuleSet repin(StepExecution step, String version) {
		Optional<RuleSet> live = liveSet();
		if (live.isPresent() && live.get().version().equals(version)) {
			logger.info(step.getStepName() + ": continuing with rules version " + version);
			return live.get();
		}
		String liveVersion = live.map(RuleSet::version).orElse("none");
		RuleSetSource kept = this.judged.find(version, this.live.rulesDir())
			.filter((source) -> source.version().equals(version))
			.orElseThrow(() -> new PinnedVersionUnavailableException(step, version, liveVersion,
					"the files of " + version + " were not kept", version + " のファイルが保存されていない"));
		try {
			RuleSet ruleSet = RuleSet.compile(kept);
			logger.info(step.getStepName() + ": continuing with rules version " + version
					+ ", compiled again from the files kept when the run started (the live set is now " + liveVersion
					+ ")");
			return ruleSet;
		}
		catch (InvalidRuleSetException ex) {
			String problem = ex.report().lines().get(ex.report().lines().size() - 1);
			throw new PinnedVersionUnavailableException(step, version, liveVersion,
					"the kept files of " + version + " no longer compile (" + problem + ")",
					"保存された " + version + " のファイルがコンパイルできなくなった（" + problem + "）");
		}
	}

	private Optional<RuleSet> liveSet() {
		try {
			return Optional.of(this.live.current());
		}
		catch (InvalidRuleSetException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A restarted judgement step cannot judge with the version its first attempt pinned.
	 */
	static final class PinnedVersionUnavailableException extends IllegalStateException {

		PinnedVersionUnavailableException(StepExecution step, String pinned, String live, String why,
				String whyInJapanese) {
			super(message(step, pinned, live, why, whyInJapanese));
		}

		private static String message(StepExecution step, String pinned, String live, String why,
				String whyInJapanese) {
			String job = step.getJobExecution().getJobInstance().getJobName();
			LocalDate date = step.getJobParameters().getLocalDate(FeedImportSteps.BUSINESS_DATE, null);
			String fresh = "run " + job + ((date != null) ? " --date=" + date : "") + " --fresh";
			return step.getStepName() + " began judging this run with rules version " + pinned
					+ ", but the rules in force are version " + live + " and " + why
					+ ", so the rest of the night cannot be judged by the same rules. Restart once " + pinned
					+ " is back in the rules directory, or start the night over with '" + fresh
					+ "' to judge every account with " + live + ".\n" + step.getStepName() + " はこの実行をルールバージョン " + pinned
					+ " で判定し始めましたが、現在有効なルールはバージョン " + live + " で、" + whyInJapanese + "ため、残りを同じルールで判定できません。" + pinned
					+ " をルールディレクトリに戻してから再開するか、'" + fresh + "' で最初からやり直し、すべてのアカウントを " + live + " で判定してください。";
		}

	}

}
