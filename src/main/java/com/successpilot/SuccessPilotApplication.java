package com.successpilot;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * SuccessPilot: customer success automation. {@code main} runs one command (see
 * {@code help}) and exits with its status; {@code serve} starts the long-lived server
 * (REST API, schedules, operations endpoints) instead and keeps running.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SuccessPilotApplication {

	/**
	 * Set to {@code true} in the environment of a serving process; schedules only run
	 * there.
	 */
	public static final String SERVING = "successpilot.serving";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SuccessPilotApplication.class);
		boolean serving = serving(args);
		application.setWebApplicationType(serving ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		application.setDefaultProperties(Map.of(SERVING, String.valueOf(serving)));
		var context = application.run(args);
		if (!serving) {
			System.exit(SpringApplication.exit(context));
		}
	}

	static boolean serving(String[] args) {
		return Arrays.stream(args)
			.filter((arg) -> !arg.startsWith("-"))
			.findFirst()
			.filter("serve"::equals)
			.isPresent();
	}

}
