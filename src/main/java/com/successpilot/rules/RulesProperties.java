package com.successpilot.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the rules feature ({@code successpilot.rules.*}).
 *
 * @param dir the rules directory, relative to the working directory
 */
@ConfigurationProperties("successpilot.rules")
public record RulesProperties(Path dir) {

	public RulesProperties {
		dir = (dir != null) ? dir : Path.of("rules");
	}

}
