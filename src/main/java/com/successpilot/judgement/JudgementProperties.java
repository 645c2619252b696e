package com.successpilot.judgement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the judgement step ({@code successpilot.judgement.*}).
 *
 * @param evaluationThreads threads evaluating rules in parallel; 0 (the default) means
 * one per processor
 */
@ConfigurationProperties("successpilot.judgement")
public record JudgementProperties(int evaluationThreads) {

	public JudgementProperties {
		evaluationThreads = (evaluationThreads > 0) ? evaluationThreads : Runtime.getRuntime().availableProcessors();
	}

}
