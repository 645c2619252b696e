package com.successpilot.rules;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule set in force as a bean; it is read from the rules directory when first used,
 * so commands that only validate do not fail on an invalid set at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {

	@Bean
	LiveRuleSet liveRuleSet(RulesProperties properties, Clock clock, RuleSetVersions versions) {
		return new LiveRuleSet(properties.dir(), clock, versions);
	}

}
