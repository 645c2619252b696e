package com.successpilot.judgement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the judgement step ({@code successpilot.judgement.*}).
 *
 * @param evaluationThreads threads evaluating rules in parallel; 0 (the default) means
 * one per processor
 */
@ConfigurationProperties("successpilot.judgement")
public record JudgementProperties(@DefaultValue("0") int evaluationThreads) {

	public JudgementProperties {
		evaluationThreads = (evaluationThreads > 0) ? evaluationThreads : Runtime.getRuntime().availableProcessors();
	}

}
