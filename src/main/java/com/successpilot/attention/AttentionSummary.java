package com.successpilot.attention;

import java.io.PrintStream;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.successpilot.attention.internal.AttentionLedger;
import com.successpilot.run.RanSteps;
import com.successpilot.run.RunSummarySection;

/**
 * The attention part of a run summary: per CSM how many tasks the rules raised, how many
 * reached the CSM, how many were released from earlier nights, how many wait, and the
 * urgent mails.
 */
@Component
@Order(15)
class AttentionSummary implements RunSummarySection {

	private final AttentionLedger ledger;

	private final RunReviews reviews;

	AttentionSummary(AttentionLedger ledger, RunReviews reviews) {
		this.ledger = ledger;
		this.reviews = reviews;
	}

	@Override
	public void print(JobExecution execution, PrintStream out) {
		if (!RanSteps.includes(execution, "attentionStep")) {
			return;
		}
		this.reviews.review(execution.getJobInstance().getInstanceId()).ifPresent((review) -> {
			if (review.held()) {
				out.println("\nHELD FOR REVIEW: " + review.summary() + ".");
				if (review.isAwaitingDecision()) {
					out.println("  Its " + review.mailsHeld() + " mails wait. Release them: 'review release "
							+ review.execution()
							+ "'; or discard the run (no mail, its new tasks closed): 'review discard "
							+ review.execution() + " --reason=…'.");
				}
			}
			else {
				out.println("\nSurge guard: " + review.summary() + ".");
			}
		});
		List<AttentionLedger.Row> rows = this.ledger.of(execution.getJobInstance().getInstanceId());
		if (rows.isEmpty()) {
			out.println("\nAttention: no CSM has new, changed or waiting tasks.");
			return;
		}
		boolean firstNight = rows.get(0).firstNight();
		out.println("\nWhat reached each CSM (rules/attention.yml)"
				+ (firstNight ? ": the first night, so a welcome digest of their top tasks and no urgent mail" : ""));
		int width = Math.max(3, rows.stream().mapToInt((row) -> row.csmEmail().length()).max().orElse(3));
		out.printf("  %-" + width + "s %7s %10s %9s %9s %8s %7s %8s%n", "CSM", "raised", "delivered", "released",
				"held back", "urgent", "budget", "closed*");
		int raised = 0;
		int delivered = 0;
		int released = 0;
		int held = 0;
		int urgent = 0;
		int closed = 0;
		for (AttentionLedger.Row row : rows) {
			out.printf("  %-" + width + "s %7d %10d %9d %9d %8s %7s %8d%n", row.csmEmail(), row.raised(),
					row.delivered(), row.released(), row.heldBack(),
					row.urgentMails() + ((row.urgentHeld() > 0) ? "+" + row.urgentHeld() : ""),
					row.newTaskBudget() + "/" + row.urgentMailBudget(), row.closedWhileHeld());
			raised += row.raised();
			delivered += row.delivered();
			released += row.released();
			held += row.heldBack();
			urgent += row.urgentMails();
			closed += row.closedWhileHeld();
		}
		out.printf("  %-" + width + "s %7d %10d %9d %9d %8d %7s %8d%n", "all", raised, delivered, released, held,
				urgent, "", closed);
		out.println(
				"  budget: new tasks / urgent mails per day; urgent: mails queued (+n: urgent tasks in the digest only,"
						+ " the day's urgent mails were spent); closed*: held back, then closed because the condition cleared");
	}

}
