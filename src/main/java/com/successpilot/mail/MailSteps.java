package com.successpilot.mail;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import com.successpilot.mail.internal.MailComposer;
import com.successpilot.mail.internal.MailDelivery;

/**
 * Builds the mail steps of the nightly job, which follow {@code accountJudgementStep}:
 * {@code mailComposeStep} renders the digests and urgent mails the run queued, in one
 * transaction; {@code mailDeliveryStep} sends every pending mail that is due, this run's
 * and those of earlier runs waiting for a retry.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
public class MailSteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final MailComposer composer;

	private final MailDelivery delivery;

	MailSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, MailComposer composer,
			MailDelivery delivery) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.composer = composer;
		this.delivery = delivery;
	}

	public Step mailComposeStep() {
		return new StepBuilder("mailComposeStep", this.jobRepository).tasklet((contribution, context) -> {
			contribution.incrementWriteCount(this.composer.composeQueued());
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
	}

	public Step mailDeliveryStep() {
		return new StepBuilder("mailDeliveryStep", this.jobRepository).tasklet((contribution, context) -> {
			MailDelivery.Outcome outcome = this.delivery.deliverDue();
			contribution.incrementWriteCount(outcome.sent());
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
	}

}
