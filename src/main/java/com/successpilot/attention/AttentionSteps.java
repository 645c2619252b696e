package com.successpilot.attention;

import java.time.LocalDate;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.attention.internal.AttentionBudget;
import com.successpilot.attention.internal.AttentionLedger;
import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.LiveRuleSet;

/**
 * Builds {@code attentionStep}, which follows the judgement step: in one transaction it
 * delivers each CSM's best-ranked new tasks within their budget (the rest stay held
 * back), picks the urgent tasks that get a mail of their own, and queues the digests.
 */
@Component
public class AttentionSteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final AttentionBudget budget;

	private final LiveRuleSet rules;

	private final AttentionLedger ledger;

	private final AttentionMetrics metrics;

	private final RunReviews reviews;

	AttentionSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, AttentionBudget budget,
			LiveRuleSet rules, AttentionLedger ledger, AttentionMetrics metrics, RunReviews reviews) {
		this.reviews = reviews;
		this.ledger = ledger;
		this.metrics = metrics;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.budget = budget;
		this.rules = rules;
	}

	public Step attentionStep() {
		return new StepBuilder("attentionStep", this.jobRepository).tasklet((contribution, context) -> {
			var stepExecution = context.getStepContext().getStepExecution();
			long run = stepExecution.getJobExecution().getJobInstance().getInstanceId();
			LocalDate runDate = FeedImportSteps.businessDate(stepExecution.getJobParameters());
			AttentionPolicy policy = this.rules.current().attention();
			contribution.incrementWriteCount(this.budget.spend(run, runDate, policy));
			this.metrics.record(stepExecution.getJobExecution().getJobInstance().getJobName(), this.ledger.of(run));
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
	}

	/**
	 * {@code surgeGuardStep}, between composing and sending the mails: a night whose new
	 * tasks surge far above the nights before is held for review — its mails wait for OPS
	 * ({@link RunReviews}).
	 */
	public Step surgeGuardStep() {
		return new StepBuilder("surgeGuardStep", this.jobRepository).tasklet((contribution, context) -> {
			var stepExecution = context.getStepContext().getStepExecution();
			var execution = stepExecution.getJobExecution();
			RunReviews.Review review = this.reviews.guard(execution.getJobInstance().getInstanceId(), execution.getId(),
					execution.getJobInstance().getJobName(),
					FeedImportSteps.businessDate(stepExecution.getJobParameters()),
					this.rules.current().attention().surgeGuard());
			contribution.incrementWriteCount(review.mailsHeld());
			if (review.isAwaitingDecision()) {
				contribution
					.setExitStatus(new org.springframework.batch.core.ExitStatus("HELD_FOR_REVIEW", review.summary()));
			}
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
	}

}
