package com.successpilot.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rules feature ({@code successpilot.rules.*}).
 *
 * @param dir the rule set CS ops edit: DRL, decision tables, playbooks, scenarios
 * (rules/README.md); relative to the working directory
 */
@ConfigurationProperties("successpilot.rules")
public record RulesProperties(@DefaultValue("rules") Path dir) {

}
