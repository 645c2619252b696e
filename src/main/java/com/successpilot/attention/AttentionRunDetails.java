package com.successpilot.attention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.successpilot.attention.internal.AttentionLedger;
import com.successpilot.run.RunDetailSection;

/**
 * The attention part of a run's detail in the API: per CSM raised, delivered, released,
 * held back, closed while held, urgent mails and the budgets that applied; and what the
 * surge guard found (held for review or not, and what OPS decided).
 */
@Component
@Order(15)
class AttentionRunDetails extends RunDetailSection {

	private final AttentionLedger ledger;

	private final RunReviews reviews;

	AttentionRunDetails(AttentionLedger ledger, RunReviews reviews) {
		super("attention", "attentionStep");
		this.ledger = ledger;
		this.reviews = reviews;
	}

	@Override
	protected Object describe(long run) {
		List<AttentionLedger.Row> rows = this.ledger.of(run);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("firstNight", !rows.isEmpty() && rows.get(0).firstNight());
		details.put("csms", rows.stream().map(AttentionRunDetails::row).toList());
		this.reviews.review(run).ifPresent((review) -> details.put("surgeGuard", review));
		return details;
	}

	private static Map<String, Object> row(AttentionLedger.Row row) {
		Map<String, Object> csm = new LinkedHashMap<>();
		csm.put("csmEmail", row.csmEmail());
		csm.put("csmName", row.csmName());
		csm.put("raised", row.raised());
		csm.put("delivered", row.delivered());
		csm.put("released", row.released());
		csm.put("heldBack", row.heldBack());
		csm.put("closedWhileHeld", row.closedWhileHeld());
		csm.put("urgentMails", row.urgentMails());
		csm.put("urgentInDigestOnly", row.urgentHeld());
		csm.put("newTasksPerDay", row.newTaskBudget());
		csm.put("urgentMailsPerDay", row.urgentMailBudget());
		return csm;
	}

}
