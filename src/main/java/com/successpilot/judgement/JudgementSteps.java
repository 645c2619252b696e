package com.successpilot.judgement;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.judgement.internal.JudgementStepFactory;
import com.successpilot.metrics.MetricsSteps;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.task.TaskRepository;

/**
 * Builds {@code accountJudgementStep}: every account of the run date (or only those
 * renewing soon) judged by the rule set in force when the step starts, pinned for the
 * whole step, its conclusions recorded.
 */
@Component
@EnableConfigurationProperties(JudgementProperties.class)
public class JudgementSteps {

	private final JudgementStepFactory factory;

	JudgementSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MetricsSteps metricsSteps, LiveRuleSet liveRuleSet, com.successpilot.rules.RuleSetVersions ruleSetVersions,
			com.successpilot.mail.OpsMails opsMails, TaskRepository tasks,
			org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, JudgementProperties properties,
			java.util.List<JudgementListener> judgementListeners, java.time.Clock clock) {
		this.factory = new JudgementStepFactory(jobRepository, transactionManager, metricsSteps, liveRuleSet,
				ruleSetVersions, opsMails, tasks, jdbc, properties.evaluationThreads(), judgementListeners, clock);
	}

	/**
	 * @param renewalWithinDays judge only accounts renewing within this many days, or -1
	 * for every account
	 */
	public Step accountJudgementStep(String stepName, int renewalWithinDays) {
		return this.factory.step(stepName, renewalWithinDays);
	}

	/**
	 * For the benchmark: the judgement step with rule evaluation replaced by a replay of
	 * the outcomes recorded while {@link #replay()} was recording.
	 */
	public Step floorStep(String stepName) {
		return this.factory.floorStep(stepName);
	}

	/**
	 * For the benchmark: from now on, the judgement step records each account's outcome
	 * for {@link #floorStep(String)} to replay.
	 */
	public void startRecordingOutcomes() {
		this.factory.replay().startRecording();
	}

	public void stopRecordingOutcomes() {
		this.factory.replay().stopRecording();
	}

}
