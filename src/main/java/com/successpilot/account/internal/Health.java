package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account's health score on one run date: the overall score and grade, its outcome and
 * experience sides (0–100), and the input that cost the most points.
 *
 * @param draggedDownBy in words, e.g. {@code support effort: 8 open tickets (limit 5)}
 */
record Health(LocalDate runDate, BigDecimal score, String grade, BigDecimal outcomeScore, BigDecimal experienceScore,
		String draggedDownBy, String rulesVersion) {

}
